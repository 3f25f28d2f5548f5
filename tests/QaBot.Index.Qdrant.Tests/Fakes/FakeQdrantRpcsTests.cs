using Qdrant.Client.Grpc;

namespace QaBot.Index.Qdrant.Tests.Fakes;

/// <summary>The fake binds only what Qdrant's own service descriptors declare.</summary>
public sealed class FakeQdrantRpcsTests
{
    [Fact]
    public void Describe_MessagesOfTheDescriptor_ReturnsTheMethod()
    {
        var method = FakeQdrantRpcs.Describe<QueryPoints, QueryResponse>("Points", "Query");

        Assert.Equal("qdrant.Points.Query", method.FullName);
    }

    [Fact]
    public void Describe_OtherMessagesThanTheDescriptor_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => FakeQdrantRpcs.Describe<ScrollPoints, QueryResponse>("Points", "Query"));
        Assert.Throws<InvalidOperationException>(() => FakeQdrantRpcs.Describe<QueryPoints, QueryResponse>("Points", "NoSuchMethod"));
    }
}
