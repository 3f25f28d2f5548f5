namespace QaBot.Embeddings.Tests.Onnx;

public sealed class SentencePieceTokenEncoderTests
{
    private static SentencePieceTokenEncoder Encoder() => new(Path.Combine(TestModels.TinyXlmr, OnnxModelFolder.SentencePieceFileName));

    [Fact]
    public void Encode_KnownWords_WrapsInBeginAndEndAndAddsTheOffset()
    {
        var ids = Encoder().Encode("drones fly", 512);

        Assert.Equal([0, 4, 7, 5, 2], ids);
    }

    [Fact]
    public void Encode_UnknownCharacters_MapToTheModelsUnknownIdNotPadding()
    {
        var ids = Encoder().Encode("china xq", 512);

        Assert.Equal(0, ids[0]);
        Assert.Equal(8, ids[1]);
        Assert.Contains(SentencePieceTokenEncoder.UnknownId, ids);
        Assert.DoesNotContain(SentencePieceTokenEncoder.PadId, ids);
        Assert.Equal(2, ids[^1]);
    }

    [Fact]
    public void Encode_MaxTokens_CountsTheSpecialTokens()
    {
        var ids = Encoder().Encode("drones fly china", 4);

        Assert.Equal([0, 4, 7, 2], ids);
    }
}
