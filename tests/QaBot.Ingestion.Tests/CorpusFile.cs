namespace QaBot.Ingestion.Tests;

/// <summary>The real articles, copied next to the tests by QaBot.Testing.</summary>
internal static class CorpusFile
{
    public const string English000 = "000_bace5807803ee532.txt";
    public const string FrontMatterHtml001 = "001_af5985cb6347c87b.txt";
    public const string German002 = "002_04e0f95e4107c13c.txt";
    public const string Traditional003 = "003_3e893f941f8f02f8.txt";
    public const string OneLine004 = "004_f9dad41751f58670.txt";

    public static IEnumerable<object[]> All =>
    [
        [English000], [FrontMatterHtml001], [German002], [Traditional003], [OneLine004],
    ];

    public static byte[] Read(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>The file's lines as a text editor numbers them (index 0 is line 1).</summary>
    public static string[] Lines(string name) => File.ReadAllLines(PathOf(name));

    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "corpus", name);
}
