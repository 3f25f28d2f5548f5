namespace QaBot.Retrieval.Tests;

public class ReciprocalRankFusionTests
{
    [Fact]
    public void Fuse_TwoLists_SumsWeightedReciprocalRanks()
    {
        var first = new RankedList<string>("a", 1.0, [("x", 9), ("y", 5)]);
        var second = new RankedList<string>("b", 2.0, [("y", 3)]);

        var fused = ReciprocalRankFusion.Fuse([first, second], k: 60);

        Assert.Equal(["y", "x"], fused.Select(f => f.Item));
        Assert.Equal((1.0 / 62) + (2.0 / 61), fused[0].Score, precision: 12);
        Assert.Equal(1.0 / 61, fused[1].Score, precision: 12);
        Assert.Equal([("a", 2, 5.0), ("b", 1, 3.0)], fused[0].Ranks);
    }

    [Fact]
    public void Fuse_EqualScores_KeepsFirstSeenOrder()
    {
        var first = new RankedList<string>("a", 1.0, [("x", 1)]);
        var second = new RankedList<string>("b", 1.0, [("y", 1)]);

        var fused = ReciprocalRankFusion.Fuse([first, second], k: 60);

        Assert.Equal(["x", "y"], fused.Select(f => f.Item));
    }

    [Fact]
    public void Fuse_NonPositiveK_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReciprocalRankFusion.Fuse<string>([], 0));
    }
}
