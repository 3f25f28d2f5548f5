namespace QaBot.Core;

/// <summary>
/// A language model's composer and question rewriter, offered to the answer service by an optional module (the
/// chat model). The answering module resolves <see cref="IAnswerComposer"/> and <see cref="IQuestionRewriter"/>
/// through it when one is registered and enabled, and uses its own extractive ones otherwise; no registration
/// replaces another, so the modules can be registered in any order.
/// </summary>
public interface IModelAnswering
{
    /// <summary>False when the module is registered but configured off (no chat model).</summary>
    bool IsEnabled { get; }

    /// <summary>The model's composer; asked for only when <see cref="IsEnabled"/>.</summary>
    IAnswerComposer Composer { get; }

    /// <summary>The model's rewriter (follow-ups condensed, questions translated); asked for only when <see cref="IsEnabled"/>.</summary>
    IQuestionRewriter Rewriter { get; }
}
