namespace QaBot.Testing;

/// <summary>The real articles and the development question set, copied next to the test assemblies.</summary>
public static class TestCorpus
{
    public static string CorpusPath => Path.Combine(AppContext.BaseDirectory, "corpus");

    public static string DevSetPath => Path.Combine(AppContext.BaseDirectory, "eval", "dev.jsonl");

    public static string ArticlePath(string fileName) => Path.Combine(CorpusPath, fileName);

    /// <summary>Copies the corpus into <paramref name="directory"/> so a test may change it.</summary>
    public static string CopyTo(TemporaryDirectory directory, string folder = "corpus")
    {
        var target = directory.Combine(folder);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(CorpusPath))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }
}
