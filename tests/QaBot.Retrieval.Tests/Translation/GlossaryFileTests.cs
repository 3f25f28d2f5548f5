using QaBot.Retrieval.Translation;

namespace QaBot.Retrieval.Tests.Translation;

public sealed class GlossaryFileTests : IDisposable
{
    private readonly string _corpus = Directory.CreateTempSubdirectory("qabot-glossary-").FullName;

    [Fact]
    public void Resolve_UnsetWithFileBesideCorpus_ReturnsThatFile()
    {
        var path = Path.Combine(_corpus, TranslationOptions.DefaultGlossaryFileName);
        File.WriteAllText(path, "Tesla\t\t特斯拉\n");

        Assert.Equal(path, GlossaryFile.Resolve(null, _corpus));
    }

    [Fact]
    public void Resolve_UnsetWithoutFile_ReturnsNull()
    {
        Assert.Null(GlossaryFile.Resolve(null, _corpus));
    }

    [Fact]
    public void Resolve_EmptySetting_ReturnsNullEvenWhenFileExists()
    {
        File.WriteAllText(Path.Combine(_corpus, TranslationOptions.DefaultGlossaryFileName), "Tesla\t\t特斯拉\n");

        Assert.Null(GlossaryFile.Resolve("", _corpus));
    }

    [Fact]
    public void Resolve_MissingConfiguredFile_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<FileNotFoundException>(() => GlossaryFile.Resolve(Path.Combine(_corpus, "absent.tsv"), _corpus));

        Assert.Contains("Translation:GlossaryPath", error.Message);
    }

    [Fact]
    public void Load_MalformedLine_ThrowsNamingFileAndLine()
    {
        var path = Path.Combine(_corpus, "names.tsv");
        File.WriteAllText(path, "Tesla\t\t特斯拉\nbroken line\n");

        var error = Assert.Throws<InvalidDataException>(() => GlossaryFile.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void Load_WellFormedFile_ReturnsEntriesAndBytes()
    {
        var path = Path.Combine(_corpus, "names.tsv");
        File.WriteAllText(path, "# names\nTesla\t\t特斯拉\n");

        var glossary = GlossaryFile.Load(path);

        Assert.Equal(["特斯拉"], Assert.Single(glossary.Entries).Chinese);
        Assert.Equal(File.ReadAllBytes(path), glossary.Content);
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
