using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace QaBot.Index.Qdrant.Tests.Fakes;

/// <summary>
/// The RPCs the fake serves, bound by hand: the client package ships no server base classes, but its service
/// descriptors say which messages each method takes and returns, and every binding is checked against them.
/// </summary>
internal sealed class FakeQdrantRpcs(FakeQdrantServer server) : IServiceMethodProvider<FakeQdrantService>
{
    /// <summary>The services of Qdrant's gRPC API whose methods the fake may bind.</summary>
    public static IReadOnlyList<ServiceDescriptor> Services { get; } =
    [
        QdrantReflection.Descriptor.Services.Single(s => s.Name == "Qdrant"),
        CollectionsServiceReflection.Descriptor.Services.Single(s => s.Name == "Collections"),
        PointsServiceReflection.Descriptor.Services.Single(s => s.Name == "Points"),
    ];

    /// <summary>Every method the fake binds: "service/method".</summary>
    public List<string> Bound { get; } = [];

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<FakeQdrantService> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = server.Engine;
        Add<HealthCheckRequest, HealthCheckReply>(context, "Qdrant", "HealthCheck", FakeQdrantEngine.HealthCheck, HealthCheckRequest.Parser, HealthCheckReply.Parser, authenticated: false);
        Add<CollectionExistsRequest, CollectionExistsResponse>(context, "Collections", "CollectionExists", engine.CollectionExists, CollectionExistsRequest.Parser, CollectionExistsResponse.Parser);
        Add<GetCollectionInfoRequest, GetCollectionInfoResponse>(context, "Collections", "Get", engine.Get, GetCollectionInfoRequest.Parser, GetCollectionInfoResponse.Parser);
        Add<CreateCollection, CollectionOperationResponse>(context, "Collections", "Create", engine.Create, CreateCollection.Parser, CollectionOperationResponse.Parser);
        Add<DeleteCollection, CollectionOperationResponse>(context, "Collections", "Delete", engine.Delete, DeleteCollection.Parser, CollectionOperationResponse.Parser);
        Add<CreateFieldIndexCollection, PointsOperationResponse>(context, "Points", "CreateFieldIndex", engine.CreateFieldIndex, CreateFieldIndexCollection.Parser, PointsOperationResponse.Parser);
        Add<UpsertPoints, PointsOperationResponse>(context, "Points", "Upsert", engine.Upsert, UpsertPoints.Parser, PointsOperationResponse.Parser);
        Add<DeletePoints, PointsOperationResponse>(context, "Points", "Delete", engine.Delete, DeletePoints.Parser, PointsOperationResponse.Parser);
        Add<UpdatePointVectors, PointsOperationResponse>(context, "Points", "UpdateVectors", engine.UpdateVectors, UpdatePointVectors.Parser, PointsOperationResponse.Parser);
        Add<DeletePointVectors, PointsOperationResponse>(context, "Points", "DeleteVectors", engine.DeleteVectors, DeletePointVectors.Parser, PointsOperationResponse.Parser);
        Add<ScrollPoints, ScrollResponse>(context, "Points", "Scroll", engine.Scroll, ScrollPoints.Parser, ScrollResponse.Parser);
        Add<CountPoints, CountResponse>(context, "Points", "Count", engine.Count, CountPoints.Parser, CountResponse.Parser);
        Add<QueryPoints, QueryResponse>(context, "Points", "Query", engine.Query, QueryPoints.Parser, QueryResponse.Parser);
    }

    /// <summary>The descriptor of a method, checked to take <typeparamref name="TRequest"/> and return <typeparamref name="TResponse"/>.</summary>
    public static MethodDescriptor Describe<TRequest, TResponse>(string service, string method)
    {
        var descriptor = Services.Single(s => s.Name == service).FindMethodByName(method)
            ?? throw new InvalidOperationException($"Qdrant's gRPC service {service} has no method {method}.");
        if (descriptor.InputType.ClrType != typeof(TRequest) || descriptor.OutputType.ClrType != typeof(TResponse)
            || descriptor.IsClientStreaming || descriptor.IsServerStreaming)
        {
            throw new InvalidOperationException(
                $"{descriptor.FullName} is {descriptor.InputType.ClrType.Name} -> {descriptor.OutputType.ClrType.Name}, not {typeof(TRequest).Name} -> {typeof(TResponse).Name}.");
        }

        return descriptor;
    }

    private void Add<TRequest, TResponse>(
        ServiceMethodProviderContext<FakeQdrantService> context,
        string service,
        string name,
        Func<TRequest, TResponse> handle,
        MessageParser<TRequest> requestParser,
        MessageParser<TResponse> responseParser,
        bool authenticated = true)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var descriptor = Describe<TRequest, TResponse>(service, name);
        var method = new Method<TRequest, TResponse>(
            MethodType.Unary,
            descriptor.Service.FullName,
            descriptor.Name,
            Marshallers.Create(m => m.ToByteArray(), requestParser.ParseFrom),
            Marshallers.Create(m => m.ToByteArray(), responseParser.ParseFrom));
        context.AddUnaryMethod(method, [], (_, request, call) => Task.FromResult(server.Handle($"{descriptor.Service.FullName}/{descriptor.Name}", request, call, authenticated, handle)));
        Bound.Add($"{descriptor.Service.Name}/{descriptor.Name}");
    }
}

/// <summary>The service type the fake's methods are bound to; the handlers live in <see cref="FakeQdrantEngine"/>.</summary>
internal sealed class FakeQdrantService;
