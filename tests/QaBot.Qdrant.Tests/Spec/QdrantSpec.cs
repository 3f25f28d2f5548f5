using System.Text.Json.Nodes;
using NJsonSchema;

namespace QaBot.Qdrant.Tests.Spec;

/// <summary>
/// Qdrant's OpenAPI spec (Spec/qdrant-openapi.json) as JSON schemas for each operation's request body and
/// 200 response. Loaded once, stricter than the file on its own so that drift shows: an object schema with
/// listed properties accepts no other property, and a branch that only says "nullable" accepts only null.
/// </summary>
internal sealed class QdrantSpec
{
    private static readonly Lazy<Task<QdrantSpec>> Instance = new(LoadAsync);
    private readonly JsonSchema _root;
    private readonly JsonObject _paths;

    private QdrantSpec(JsonSchema root, JsonObject paths)
    {
        _root = root;
        _paths = paths;
    }

    public static Task<QdrantSpec> GetAsync() => Instance.Value;

    /// <summary>True when the spec has this method on this path template.</summary>
    public bool HasOperation(string method, string pathTemplate) =>
        _paths[pathTemplate] is JsonObject operations && operations.ContainsKey(method.ToLowerInvariant());

    /// <summary>Errors of <paramref name="json"/> against the operation's request body schema (none when valid).</summary>
    public IReadOnlyList<string> ValidateRequest(string method, string pathTemplate, string json) => Validate(RequestKey(method, pathTemplate), json);

    /// <summary>Errors of <paramref name="json"/> against the operation's 200 response schema.</summary>
    public IReadOnlyList<string> ValidateResponse(string method, string pathTemplate, string json) => Validate(ResponseKey(method, pathTemplate), json);

    /// <summary>Whether the operation declares a JSON request body or JSON 200 response.</summary>
    public bool HasRequestSchema(string method, string pathTemplate) => _root.Definitions.ContainsKey(RequestKey(method, pathTemplate));

    public bool HasResponseSchema(string method, string pathTemplate) => _root.Definitions.ContainsKey(ResponseKey(method, pathTemplate));

    private IReadOnlyList<string> Validate(string key, string json)
    {
        if (!_root.Definitions.TryGetValue(key, out var schema))
        {
            return [$"the spec has no JSON schema for {key}"];
        }

        return [.. schema.Validate(json).Select(e => e.ToString())];
    }

    private static string RequestKey(string method, string path) => $"request {method.ToUpperInvariant()} {path}";

    private static string ResponseKey(string method, string path) => $"response {method.ToUpperInvariant()} {path}";

    private static async Task<QdrantSpec> LoadAsync()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Spec", "qdrant-openapi.json");
        var document = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
        var definitions = document["components"]!["schemas"]!.DeepClone().AsObject();
        var paths = document["paths"]!.AsObject();
        foreach (var (path, operations) in paths)
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                if (operation?["requestBody"]?["content"]?["application/json"]?["schema"] is { } request)
                {
                    definitions[RequestKey(method, path)] = request.DeepClone();
                }

                if (operation?["responses"]?["200"]?["content"]?["application/json"]?["schema"] is { } response)
                {
                    definitions[ResponseKey(method, path)] = response.DeepClone();
                }
            }
        }

        var root = new JsonObject { ["definitions"] = definitions };
        var text = Tighten(root).ToJsonString().Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal);
        return new QdrantSpec(await JsonSchema.FromJsonAsync(text), paths);
    }

    /// <summary>Rewrites OpenAPI 3.0 nullability into JSON Schema and closes object schemas (see the class summary).</summary>
    private static JsonNode Tighten(JsonNode node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Tighten(item!);
            }

            return node;
        }

        if (node is not JsonObject schema)
        {
            return node;
        }

        foreach (var (_, child) in schema.ToList())
        {
            if (child is not null)
            {
                Tighten(child);
            }
        }

        if (schema["nullable"] is JsonValue nullable && nullable.GetValue<bool>())
        {
            schema.Remove("nullable");
            if (schema["type"] is JsonValue type)
            {
                schema["type"] = new JsonArray(type.GetValue<string>(), "null");
            }
            else if (!schema.ContainsKey("$ref") && !schema.ContainsKey("anyOf") && !schema.ContainsKey("oneOf"))
            {
                schema["type"] = "null";
            }
        }

        if (schema["properties"] is JsonObject && !schema.ContainsKey("additionalProperties"))
        {
            schema["additionalProperties"] = false;
        }

        return schema;
    }
}
