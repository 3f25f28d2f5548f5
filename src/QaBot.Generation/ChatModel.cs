using Microsoft.SemanticKernel;

namespace QaBot.Generation;

/// <summary>The kernel holding the configured chat completion service, and the name answers are signed with.</summary>
/// <param name="Name">"openai:gpt-4o-mini", "azure-openai:my-deployment".</param>
public sealed record ChatModel(Kernel Kernel, string Name);
