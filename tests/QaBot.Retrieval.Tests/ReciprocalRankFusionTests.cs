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
    public void Fuse_LexicalAndDenseLegs_SecondInBothBeatsFirstAndFourth()
    {
        var lexical = new RankedList<string>("original", 1.0, [("a", 9), ("c", 8), ("d", 7)]);
        var dense = new RankedList<string>("dense", 1.0, [("b", 0.9), ("c", 0.8), ("d", 0.7), ("a", 0.6)]);

        var fused = ReciprocalRankFusion.Fuse([lexical, dense], k: 60);

        Assert.Equal(["c", "a", "d", "b"], fused.Select(f => f.Item));
        Assert.Equal(2.0 / 62, fused[0].Score, precision: 12);
        Assert.Equal((1.0 / 61) + (1.0 / 64), fused[1].Score, precision: 12);
    }

    [Fact]
    public void Fuse_SmallK_FavoursTheTopOfOneList()
    {
        var lexical = new RankedList<string>("original", 1.0, [("a", 9), ("c", 8), ("d", 7)]);
        var dense = new RankedList<string>("dense", 1.0, [("b", 0.9), ("c", 0.8), ("d", 0.7), ("a", 0.6)]);

        var fused = ReciprocalRankFusion.Fuse([lexical, dense], k: 1);

        // k = 1: a has 1/2 + 1/5 = 0.7, c has 2/3 = 0.667.
        Assert.Equal("a", fused[0].Item);
        Assert.Equal(0.7, fused[0].Score, precision: 12);
    }

    [Fact]
    public void Fuse_DenseWeightTwo_LetsTheDenseTopWin()
    {
        var lexical = new RankedList<string>("original", 1.0, [("a", 9), ("c", 8)]);
        var dense = new RankedList<string>("dense", 2.0, [("b", 0.9), ("c", 0.8), ("a", 0.6)]);

        var fused = ReciprocalRankFusion.Fuse([lexical, dense], k: 60);

        // c: 1/62 + 2/62 = 0.04839; a: 1/61 + 2/63 = 0.04814; b: 2/61 = 0.03279.
        Assert.Equal(["c", "a", "b"], fused.Select(f => f.Item));
        Assert.Equal(3.0 / 62, fused[0].Score, precision: 12);
    }

    [Fact]
    public void Fuse_NonPositiveK_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReciprocalRankFusion.Fuse<string>([], 0));
    }
}
