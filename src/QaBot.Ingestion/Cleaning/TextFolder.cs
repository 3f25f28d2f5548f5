using System.Text;
using QaBot.Analysis;

namespace QaBot.Ingestion.Cleaning;

/// <summary>
/// Folds a line for comparison with the boilerplate phrase lists: NFKC (full-width forms become ASCII),
/// lower case, and Traditional characters mapped to Simplified with the analyzer's OpenCC tables.
/// </summary>
internal static class TextFolder
{
    public static string Fold(string text) =>
        ChineseScriptFolder.Default.Fold(text.Normalize(NormalizationForm.FormKC).ToLowerInvariant());
}
