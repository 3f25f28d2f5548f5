namespace QaBot.Retrieval.Answerability;

/// <summary>The kind of item a question asks for, when its wording says so.</summary>
public enum AnswerType
{
    /// <summary>The question does not ask for one kind of item (what, why, how do I …).</summary>
    Open,

    /// <summary>How many, wie viel(e), 多少, 几, which port: the answer holds a number that is not a version or section number.</summary>
    Number,

    /// <summary>How long, how large, how often, wie lange, wie groß, 多久, 多大: the answer holds a number with a unit (time, size, length, rate) or a frequency.</summary>
    Quantity,

    /// <summary>How much does it cost, was kostet, 多少钱: the answer holds an amount of money.</summary>
    Money,

    /// <summary>What share, welcher Anteil, 比例: the answer holds a percentage, a fraction or a majority.</summary>
    Share,

    /// <summary>When, which year, wann, 何时, 什么时候: the answer holds a date, year or time.</summary>
    Date,

    /// <summary>Who, wer, 谁: the answer names someone or something.</summary>
    Name,

    /// <summary>Which command, tool, option, file, directory or package; welcher Befehl; 什么命令: the answer holds a technical token.</summary>
    Technical,
}
