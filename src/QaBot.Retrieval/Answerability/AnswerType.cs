namespace QaBot.Retrieval.Answerability;

/// <summary>The kind of item a question asks for, when its wording says so.</summary>
public enum AnswerType
{
    /// <summary>The question does not ask for one kind of item (what, why, how do I …).</summary>
    Open,

    /// <summary>How many, how much, wie viel(e), 多少, 几: the answer holds a number.</summary>
    Number,

    /// <summary>When, which year, wann, 何时, 什么时候: the answer holds a date, year or time.</summary>
    Date,

    /// <summary>Who, wer, 谁: the answer names someone or something.</summary>
    Name,

    /// <summary>Which command, tool, option, file, directory or package; welcher Befehl; 什么命令: the answer holds a technical token.</summary>
    Technical,
}
