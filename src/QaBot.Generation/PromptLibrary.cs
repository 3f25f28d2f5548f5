using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace QaBot.Generation;

/// <summary>
/// The three prompts, read once from <c>prompts/*.yaml</c> (Semantic Kernel's prompt YAML: name, template,
/// declared input variables). A missing file, bad YAML, an undeclared variable in a template or a variable the
/// code needs but the file does not declare stops start-up with a message naming the file.
/// </summary>
public sealed partial class PromptLibrary
{
    public const string AnswerFile = "answer.yaml";
    public const string CondenseFile = "condense.yaml";
    public const string TranslateFile = "translate.yaml";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    private PromptLibrary(KernelFunction answer, KernelFunction condense, KernelFunction translate)
    {
        Answer = answer;
        Condense = condense;
        Translate = translate;
    }

    /// <summary>Variables: question, passages, language, noAnswer.</summary>
    public KernelFunction Answer { get; }

    /// <summary>Variables: history, question.</summary>
    public KernelFunction Condense { get; }

    /// <summary>Variables: languages, question.</summary>
    public KernelFunction Translate { get; }

    public static PromptLibrary Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The prompts folder '{Path.GetFullPath(directory)}' does not exist. Set Chat:PromptsPath to the folder holding {AnswerFile}, {CondenseFile} and {TranslateFile}.");
        }

        return new PromptLibrary(
            LoadFunction(Path.Combine(directory, AnswerFile), "question", "passages", "language", "noAnswer"),
            LoadFunction(Path.Combine(directory, CondenseFile), "history", "question"),
            LoadFunction(Path.Combine(directory, TranslateFile), "languages", "question"));
    }

    /// <summary>Reads one prompt file and checks its variables against the template and against what the code passes.</summary>
    public static KernelFunction LoadFunction(string path, params string[] requiredVariables)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(requiredVariables);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The prompt file '{Path.GetFullPath(path)}' is missing. Restore it from the repository's prompts/ folder, or set Chat:PromptsPath.", path);
        }

        PromptFile? file;
        try
        {
            file = Yaml.Deserialize<PromptFile>(File.ReadAllText(path));
        }
        catch (YamlException exception)
        {
            throw new InvalidDataException($"The prompt file '{path}' is not valid YAML (line {exception.Start.Line}): {exception.Message}", exception);
        }

        if (file is null || string.IsNullOrWhiteSpace(file.Name) || string.IsNullOrWhiteSpace(file.Template))
        {
            throw new InvalidDataException($"The prompt file '{path}' needs a name and a template.");
        }

        if (file.TemplateFormat is { } format && format != PromptTemplateConfig.SemanticKernelTemplateFormat)
        {
            throw new InvalidDataException($"The prompt file '{path}' has template_format '{format}'; QaBot reads '{PromptTemplateConfig.SemanticKernelTemplateFormat}' templates.");
        }

        if (file.Template.Contains("<message", StringComparison.Ordinal) && !IsWellFormedChatPrompt(file.Template))
        {
            // Semantic Kernel would silently send the whole text as one user message, instructions and all.
            throw new InvalidDataException($"The prompt file '{path}' has <message> blocks that are not well-formed XML; write a literal <, > or & in the text as &lt;, &gt; or &amp;.");
        }

        var declared = (file.InputVariables ?? []).Select(v => v.Name ?? string.Empty).ToHashSet(StringComparer.Ordinal);
        var used = TemplateVariables().Matches(file.Template).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        problems.AddRange(used.Except(declared).Select(v => $"the template uses {{{{${v}}}}} but input_variables does not declare it"));
        problems.AddRange(requiredVariables.Except(declared).Select(v => $"input_variables must declare '{v}'"));
        problems.AddRange(requiredVariables.Except(used).Select(v => $"the template must use {{{{${v}}}}}"));
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"The prompt file '{path}': {string.Join("; ", problems)}.");
        }

        var config = new PromptTemplateConfig(file.Template)
        {
            Name = file.Name,
            Description = file.Description,
            TemplateFormat = PromptTemplateConfig.SemanticKernelTemplateFormat,
            InputVariables = (file.InputVariables ?? []).Select(v => new InputVariable { Name = v.Name!, Description = v.Description, IsRequired = v.IsRequired }).ToList(),
        };

        try
        {
            return KernelFunctionFactory.CreateFromPrompt(config);
        }
        catch (KernelException exception)
        {
            throw new InvalidDataException($"The prompt file '{path}' has a template Semantic Kernel cannot read: {exception.Message}", exception);
        }
    }

    private static bool IsWellFormedChatPrompt(string template)
    {
        try
        {
            _ = System.Xml.Linq.XDocument.Parse("<prompt>" + template + "</prompt>");
            return true;
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\{\{\s*\$([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex TemplateVariables();

    /// <summary>The YAML shape (the subset of Semantic Kernel's prompt YAML that QaBot uses).</summary>
    private sealed class PromptFile
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public string? TemplateFormat { get; set; }

        public string? Template { get; set; }

        public List<PromptVariable>? InputVariables { get; set; }
    }

    private sealed class PromptVariable
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public bool IsRequired { get; set; } = true;
    }
}
