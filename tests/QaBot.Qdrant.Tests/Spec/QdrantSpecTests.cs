namespace QaBot.Qdrant.Tests.Spec;

public sealed class QdrantSpecTests
{
    [Fact]
    public async Task ValidateRequest_DriftedFieldName_ReportsIt()
    {
        var spec = await QdrantSpec.GetAsync();

        var errors = spec.ValidateRequest("PUT", "/collections/{collection_name}", """{"sparse_vector":{"text":{"modifier":"idf"}}}""");

        Assert.Contains(errors, e => e.Contains("sparse_vector", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidateRequest_FilterWithMisspeltClause_ReportsIt()
    {
        var spec = await QdrantSpec.GetAsync();

        Assert.Empty(spec.ValidateRequest("POST", "/collections/{collection_name}/points/count", """{"filter":{"must":[{"key":"kind","match":{"value":"chunk"}}]},"exact":true}"""));
        Assert.NotEmpty(spec.ValidateRequest("POST", "/collections/{collection_name}/points/count", """{"filter":{"musts":[{"key":"kind","match":{"value":"chunk"}}]},"exact":true}"""));
    }

    [Fact]
    public async Task ValidateResponse_CountWithoutResultField_ReportsIt()
    {
        var spec = await QdrantSpec.GetAsync();

        // The canned answer the client tests parse is itself valid under the spec.
        Assert.Empty(spec.ValidateResponse("POST", "/collections/{collection_name}/points/count", Rest.QdrantClientTests.CountOk));
        Assert.NotEmpty(spec.ValidateResponse("POST", "/collections/{collection_name}/points/count", """{"result":{"total":3},"status":"ok","time":0.001}"""));
    }
}
