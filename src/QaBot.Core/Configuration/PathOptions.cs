using System.ComponentModel.DataAnnotations;

namespace QaBot.Core.Configuration;

/// <summary>Where the documents are. Section <c>Corpus</c>.</summary>
public sealed class CorpusOptions
{
    public const string SectionName = "Corpus";

    /// <summary>The folder of documents; relative paths start at the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "corpus";
}

/// <summary>Where QaBot keeps its own files (the embedded index). Section <c>Data</c>.</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>The data folder; relative paths start at the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = ".qabot";
}

/// <summary>The data annotations of <see cref="CorpusOptions"/>, checked by generated code.</summary>
[Microsoft.Extensions.Options.OptionsValidator]
public sealed partial class CorpusOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<CorpusOptions>
{
}

/// <summary>The data annotations of <see cref="DataOptions"/>, checked by generated code.</summary>
[Microsoft.Extensions.Options.OptionsValidator]
public sealed partial class DataOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<DataOptions>
{
}
