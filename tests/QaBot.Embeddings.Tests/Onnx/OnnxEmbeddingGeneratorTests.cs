namespace QaBot.Embeddings.Tests.Onnx;

// Rows of tiny-bert (see make_test_models.py): [PAD]=(9,9,9,9) [UNK]=(0,0,0,1) [CLS]=(1,0,0,0) [SEP]=(0,1,0,0)
// drone=(2,0,2,0) ##s=(0,2,0,0) fly=(0,0,4,0) china=(4,4,0,0) berlin=(0,0,0,4).
public sealed class OnnxEmbeddingGeneratorTests
{
    private static async Task<float[][]> EmbedAsync(OnnxEmbeddingGenerator generator, params string[] texts)
    {
        var embeddings = await generator.GenerateAsync(texts);
        return embeddings.Select(e => e.Vector.ToArray()).ToArray();
    }

    private static void AssertVector(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 5);
        }
    }

    [Fact]
    public void Constructor_TinyBert_ReadsDimensionsFromTheModel()
    {
        using var generator = TestModels.Create(TestModels.TinyBert);

        Assert.Equal(4, generator.Dimensions);
    }

    [Fact]
    public async Task GenerateAsync_MeanPooling_AveragesCls_WordPieces_SepAndNormalises()
    {
        using var generator = TestModels.Create(TestModels.TinyBert);

        var vectors = await EmbedAsync(generator, "Drones fly");

        // [CLS] drone ##s fly [SEP] = (1,0,0,0)+(2,0,2,0)+(0,2,0,0)+(0,0,4,0)+(0,1,0,0) = (3,3,6,0); the mean's direction is the sum's.
        AssertVector(TestModels.Unit(3, 3, 6, 0), vectors[0]);
    }

    [Fact]
    public async Task GenerateAsync_WithoutNormalisation_ReturnsTheMeanOfTheTokenRows()
    {
        using var generator = TestModels.Create(TestModels.TinyBert, normalize: false);

        var vectors = await EmbedAsync(generator, "Drones fly");

        AssertVector([3f / 5, 3f / 5, 6f / 5, 0], vectors[0]);
    }

    [Fact]
    public async Task GenerateAsync_ShortTextBatchedWithLongOne_PaddingNeverReachesTheMean()
    {
        using var generator = TestModels.Create(TestModels.TinyBert, normalize: false);

        var vectors = await EmbedAsync(generator, "Drones fly", "China");

        // [CLS] china [SEP] = (5,5,0,0) over 3 tokens; the two [PAD] rows (9,9,9,9) must not count.
        AssertVector([3f / 5, 3f / 5, 6f / 5, 0], vectors[0]);
        AssertVector([5f / 3, 5f / 3, 0, 0], vectors[1]);
    }

    [Fact]
    public async Task GenerateAsync_BatchSizeOne_GivesTheSameVectorsInInputOrder()
    {
        using var batched = TestModels.Create(TestModels.TinyBert, batchSize: 16);
        using var single = TestModels.Create(TestModels.TinyBert, batchSize: 1);
        string[] texts = ["Berlin", "Drones fly over China", "fly"];

        var expected = await EmbedAsync(batched, texts);
        var actual = await EmbedAsync(single, texts);

        for (var i = 0; i < texts.Length; i++)
        {
            AssertVector(expected[i], actual[i]);
        }

        AssertVector(TestModels.Unit(1, 1, 0, 4), actual[0]);
    }

    [Fact]
    public async Task GenerateAsync_ClsPooling_ReturnsTheFirstTokensRow()
    {
        using var generator = TestModels.Create(TestModels.TinyBert, pooling: PoolingMode.Cls, normalize: false);

        var vectors = await EmbedAsync(generator, "Drones fly");

        AssertVector([1, 0, 0, 0], vectors[0]);
    }

    [Fact]
    public async Task GenerateAsync_TextLongerThanMaxTokens_KeepsTheFirstTokensAndSep()
    {
        using var generator = TestModels.Create(TestModels.TinyBert, maxTokens: 3, normalize: false);

        var vectors = await EmbedAsync(generator, "Drones fly");

        // [CLS] drone [SEP] = (1,0,0,0)+(2,0,2,0)+(0,1,0,0) = (3,1,2,0) over 3.
        AssertVector([1, 1f / 3, 2f / 3, 0], vectors[0]);
    }

    [Fact]
    public async Task GenerateAsync_UnknownWord_UsesTheUnknownRow()
    {
        using var generator = TestModels.Create(TestModels.TinyBert, normalize: false);

        var vectors = await EmbedAsync(generator, "xylophone");

        // [CLS] [UNK] [SEP] = (1,1,0,1) over 3.
        AssertVector([1f / 3, 1f / 3, 0, 1f / 3], vectors[0]);
    }

    [Fact]
    public async Task GenerateAsync_SentencePieceModel_ShiftsIdsByTheFairseqOffset()
    {
        using var generator = TestModels.Create(TestModels.TinyXlmr, normalize: false);

        var vectors = await EmbedAsync(generator, "drones fly");

        // SentencePiece: ▁drone(3) s(6) ▁fly(4) -> model ids 4, 7, 5; with <s>(0) and </s>(2):
        // (1,0,0,0)+(2,0,2,0)+(0,2,0,0)+(0,0,4,0)+(0,1,0,0) = (3,3,6,0) over 5. Without the offset the rows would differ.
        AssertVector([3f / 5, 3f / 5, 6f / 5, 0], vectors[0]);
    }

    [Fact]
    public void Open_FolderWithoutModel_NamesTheFolderAndThePullCommand()
    {
        using var directory = new QaBot.Testing.TemporaryDirectory();

        var error = Assert.Throws<FileNotFoundException>(() => OnnxModelFolder.Open(directory.Path, "multilingual-e5-small"));

        Assert.Contains(directory.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("qabot model pull multilingual-e5-small", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_FileThatIsNotOnnx_ThrowsInvalidDataNamingTheFile()
    {
        using var directory = new QaBot.Testing.TemporaryDirectory();
        directory.WriteFile("model.onnx", "not a model");
        directory.WriteFile("vocab.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n");

        var error = Assert.Throws<InvalidDataException>(() => TestModels.Create(directory.Path));

        Assert.Contains("model.onnx", error.Message, StringComparison.Ordinal);
    }
}
