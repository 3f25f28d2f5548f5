namespace QaBot.Analysis;

/// <summary>What a raw token is, before stopwords and stemming.</summary>
public enum TokenKind
{
    /// <summary>Letters and digits of a non-ideographic script ("linux", "g1", "größe").</summary>
    Word,

    /// <summary>A number with group separators removed and a '.' decimal point ("125000", "1.2").</summary>
    Number,

    /// <summary>A run of Han ideographs, segmented later.</summary>
    Han,
}

/// <summary>A raw token of folded text.</summary>
public readonly record struct Token(TokenKind Kind, string Text);
