using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace QaBot.Embeddings;

/// <summary>Posts JSON to an embedding service and turns transport and HTTP failures into one clear message.</summary>
internal static class RemoteEmbeddingClient
{
    public static async Task<JsonDocument> PostAsync(HttpClient http, HttpRequestMessage request, object body, string service, CancellationToken cancellationToken)
    {
        request.Content = JsonContent.Create(body);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new EmbeddingServiceException($"{service} at {Authority(request)} could not be reached ({exception.Message}). Check Embeddings:Endpoint, or set Embeddings:Provider=none for lexical search only.", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EmbeddingServiceException($"{service} at {Authority(request)} did not answer in time.", exception);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var status = string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {response.ReasonPhrase}");
                throw new EmbeddingServiceException($"{service} at {Authority(request)} answered {status}: {ErrorMessage(text)}");
            }

            try
            {
                return JsonDocument.Parse(text);
            }
            catch (JsonException exception)
            {
                throw new EmbeddingServiceException($"{service} at {Authority(request)} answered with invalid JSON ({exception.Message}).", exception);
            }
        }
    }

    /// <summary>Reads a JSON array of numbers as a vector, or explains what was wrong.</summary>
    public static float[] ReadVector(JsonElement element, string service)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new EmbeddingServiceException($"{service} answered an embedding that is not an array of numbers.");
        }

        var vector = new float[element.GetArrayLength()];
        var i = 0;
        foreach (var number in element.EnumerateArray())
        {
            vector[i++] = number.ValueKind == JsonValueKind.Number ? number.GetSingle() : throw new EmbeddingServiceException($"{service} answered an embedding with a non-number at position {i - 1}.");
        }

        return vector;
    }

    // Services put the reason in "error" (Ollama) or "error.message" (OpenAI); show it, never the request (it may echo a key).
    private static string ErrorMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var error = document.RootElement.TryGetProperty("error", out var e) ? e : default;
            return error.ValueKind switch
            {
                JsonValueKind.String => error.GetString() ?? "",
                JsonValueKind.Object when error.TryGetProperty("message", out var m) => m.GetString() ?? "",
                _ => Truncate(body),
            };
        }
        catch (JsonException)
        {
            return Truncate(body);
        }
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "...";

    private static string Authority(HttpRequestMessage request) => request.RequestUri?.GetLeftPart(UriPartial.Authority) ?? "?";
}
