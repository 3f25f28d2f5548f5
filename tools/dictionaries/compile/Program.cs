// Compiles the embedded CC-CEDICT and Ding into the lexicon that QaBot loads at ingest, and writes it next to them,
// and the German decompounder's word list (from Ding). Run after generate.py, or after changing the parsers or how
// their entries are merged:
//   dotnet run --project tools/dictionaries/compile [-- OUTPUT_PATH]
// The test CompileLexicon_EmbeddedRawDictionaries_MatchesTheShippedLexicon fails until the shipped file is current.
using System.IO.Compression;
using QaBot.Analysis.Translation;

var output = args.Length > 0
    ? args[0]
    : Path.Combine(FindRepositoryRoot(), "src", "QaBot.Analysis", "Translation", "Data", "lexicon.bin");

// The lexicon compresses its sections itself (see LexiconSerializer); the same input gives the same bytes.
using (var file = File.Create(output))
{
    EmbeddedDictionaries.CompileLexicon(file);
}

Console.WriteLine($"{output}: {new FileInfo(output).Length:N0} bytes");

// The German decompounder's words, next to the lexicon.
var wordsOutput = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, "de-compound-words.txt.gz");
using var words = new MemoryStream();
QaBot.Analysis.GermanDecompounder.CompileWords(words);
using (var file = File.Create(wordsOutput))
using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
{
    words.Position = 0;
    words.CopyTo(gzip);
}

Console.WriteLine($"{wordsOutput}: {words.Length:N0} bytes, {new FileInfo(wordsOutput).Length:N0} compressed");

static string FindRepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "QaBot.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new InvalidOperationException("Run from inside the repository, or pass the output path.");
}
