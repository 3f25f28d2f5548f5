using UglyToad.PdfPig.Content;

namespace QaBot.Ingestion.Reading.Office;

/// <summary>Font sizes of PDF text, to the half point so rounding noise in a file does not make two sizes of one.</summary>
internal static class PdfFontSize
{
    /// <summary>The size most of the letters have (the larger on a tie); 0 for no letters.</summary>
    public static double MostCommon(IEnumerable<Letter> letters) => letters
        .GroupBy(letter => Math.Round(letter.PointSize * 2, MidpointRounding.AwayFromZero) / 2)
        .OrderByDescending(group => group.Count())
        .ThenByDescending(group => group.Key)
        .Select(group => group.Key)
        .FirstOrDefault();
}
