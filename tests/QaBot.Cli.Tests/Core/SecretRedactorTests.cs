using QaBot.Core;

namespace QaBot.Cli.Tests.Core;

public sealed class SecretRedactorTests
{
    [Fact]
    public void Redact_ConfiguredKeyEchoedBehindBearer_Masked()
    {
        // Arrange
        var redactor = new SecretRedactor(["sk-abc123def456ghi789"]);

        // Act
        var text = redactor.Redact("Incorrect API key provided: Bearer sk-abc123def456ghi789. You can find your API key at ...");

        // Assert
        Assert.Equal("Incorrect API key provided: Bearer ***. You can find your API key at ...", text);
    }

    [Fact]
    public void Redact_ConfiguredSecretWithoutAnyKnownShape_MaskedWherever()
    {
        // Arrange
        var redactor = new SecretRedactor(["qdrant-local-secret", null, "  ", "abc"]);

        // Act / Assert: too-short and blank values are ignored, so ordinary words stay.
        Assert.Equal("api-key=*** rejected for abc", redactor.Redact("api-key=qdrant-local-secret rejected for abc"));
    }

    [Theory]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x", "Authorization: Bearer ***")]
    [InlineData("key sk-proj-Zx81_aa9-kk2 was refused", "key *** was refused")]
    [InlineData("Authorization: Bot MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123", "Authorization: Bot ***")]
    [InlineData("token MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123 invalid", "token *** invalid")]
    [InlineData("a sketch of the task", "a sketch of the task")]
    [InlineData("Bearer of bad news", "Bearer of bad news")]
    public void Redact_KeyShapes_MaskedWithoutAnyConfiguredSecret(string text, string expected)
    {
        // Act / Assert
        Assert.Equal(expected, SecretRedactor.ShapesOnly.Redact(text));
    }

    [Fact]
    public void Redact_SecretContainingAnother_MaskedWhole()
    {
        // Arrange
        var redactor = new SecretRedactor(["token-1234", "token-1234-extended"]);

        // Act / Assert
        Assert.Equal("got ***", redactor.Redact("got token-1234-extended"));
    }
}
