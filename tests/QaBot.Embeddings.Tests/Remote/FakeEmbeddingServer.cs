using System.Text.Json.Nodes;
using QaBot.Testing;

namespace QaBot.Embeddings.Tests.Remote;

/// <summary>Answers embedding requests as Ollama (<c>/api/embed</c>) or OpenAI (<c>.../embeddings</c>) does: vector (i + 1, length of input i) for input i.</summary>
internal static class FakeEmbeddingServer
{
    public static LoopbackResponse Answer(LoopbackRequest request)
    {
        var body = JsonNode.Parse(request.Body)!;
        var inputs = body["input"] is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToList() : [body["input"]!.GetValue<string>()];
        var vectors = inputs.Select((text, i) => new[] { i + 1f, text.Length }).ToList();
        if (request.PathAndQuery.StartsWith("/api/embed", StringComparison.Ordinal))
        {
            return LoopbackResponse.Json(new JsonObject { ["model"] = "m", ["embeddings"] = new JsonArray([.. vectors.Select(v => (JsonNode)new JsonArray(v[0], v[1]))]) }.ToJsonString());
        }

        // The OpenAI SDK asks for base64 (little-endian floats) unless told otherwise.
        var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var data = vectors.Select((v, i) => (JsonNode)new JsonObject
        {
            ["object"] = "embedding",
            ["index"] = i,
            ["embedding"] = base64 ? Convert.ToBase64String(v.SelectMany(BitConverter.GetBytes).ToArray()) : new JsonArray(v[0], v[1]),
        });
        return LoopbackResponse.Json(new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray([.. data]),
            ["model"] = "m",
            ["usage"] = new JsonObject { ["prompt_tokens"] = inputs.Count, ["total_tokens"] = inputs.Count },
        }.ToJsonString());
    }
}
