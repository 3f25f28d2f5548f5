using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace QaBot.Testing.IndexContract;

/// <summary>
/// On a test class: its tests run only when one of the environment variables is set, and are reported as skipped
/// with <see cref="Reason"/> otherwise (visible in the test output, never silently passed).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresEnvironmentVariableAttribute(string[] names, string reason) : Attribute
{
    public RequiresEnvironmentVariableAttribute(string name, string reason)
        : this([name], reason)
    {
    }

    public IReadOnlyList<string> Names { get; } = names;

    public string Reason { get; } = reason;
}

/// <summary>A [Fact] that honours <see cref="RequiresEnvironmentVariableAttribute"/> on the class that runs it (contract suites are inherited).</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("QaBot.Testing.IndexContract.ContractFactDiscoverer", "QaBot.Testing")]
public sealed class ContractFactAttribute : FactAttribute;

public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var requirement = testMethod.TestClass.Class.ToRuntimeType()
            .GetCustomAttributes(typeof(RequiresEnvironmentVariableAttribute), inherit: false)
            .Cast<RequiresEnvironmentVariableAttribute>()
            .FirstOrDefault(r => r.Names.All(n => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(n))));
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        yield return requirement is null
            ? new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)
            : new SkippedTestCase(diagnosticMessageSink, display, displayOptions, testMethod, $"{string.Join(" or ", requirement.Names)} is not set: {requirement.Reason}");
    }
}

/// <summary>A test case reported as skipped with a reason computed at discovery.</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = "";

    [Obsolete("Called by the de-serializer", error: true)]
    public SkippedTestCase()
    {
    }

    public SkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, string reason)
        : base(sink, display, displayOptions, testMethod) => _reason = reason;

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("Reason", _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _reason = data.GetValue<string>("Reason");
        base.Deserialize(data);
    }
}
