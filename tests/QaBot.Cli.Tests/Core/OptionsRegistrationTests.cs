using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Core.Configuration;

namespace QaBot.Cli.Tests.Core;

public sealed class OptionsRegistrationTests
{
    [Fact]
    public void AddDataOptions_RegisteredByTwoModules_ReportsAFailureOnce()
    {
        // Arrange: the index and the embeddings both ask for Data.
        using var provider = Services(("Data:Path", ""), services => services.AddDataOptions().Services.AddDataOptions());

        // Act
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DataOptions>>().Value);

        // Assert
        Assert.Equal("The Data:Path field is required.", Assert.Single(exception.Failures));
    }

    [Fact]
    public void AddValidatedOptions_Twice_BindsAListOnce()
    {
        // Arrange
        using var provider = Services(("List:Items:0", "a"), services =>
        {
            services.AddValidatedOptions<ListOptions, ListOptionsValidator>("List");
            services.AddValidatedOptions<ListOptions, ListOptionsValidator>("List");
        });

        // Act
        var items = provider.GetRequiredService<IOptions<ListOptions>>().Value.Items;

        // Assert
        Assert.Equal(["a"], items);
    }

    [Fact]
    public void Validate_AnnotationWithOwnMessage_PrefixesTheKey()
    {
        // Act
        var result = new ConfigurationKeyValidator<ListOptions>("List", new ListOptionsValidator()).Validate(null, new ListOptions { Name = "ABC" });

        // Assert
        Assert.Equal("List:Name: use lower-case letters.", Assert.Single(result.Failures!));
    }

    [Theory]
    [InlineData("http://localhost:11434/v1", "http://localhost:11434/v1/")]
    [InlineData("http://localhost:11434/v1/", "http://localhost:11434/v1/")]
    [InlineData("https://example.com", "https://example.com/")]
    public void WithTrailingSlash_BaseAddress_EndsWithOneSlash(string address, string expected)
    {
        Assert.Equal(expected, new Uri(address).WithTrailingSlash().AbsoluteUri);
    }

    private static ServiceProvider Services((string Key, string Value) setting, Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection([new(setting.Key, setting.Value)]).Build());
        register(services);
        return services.BuildServiceProvider();
    }

    public sealed class ListOptions
    {
        public IList<string> Items { get; } = [];

        [System.ComponentModel.DataAnnotations.RegularExpression("^[a-z]+$", ErrorMessage = "use lower-case letters.")]
        public string Name { get; set; } = "list";
    }
}

[OptionsValidator]
public sealed partial class ListOptionsValidator : IValidateOptions<OptionsRegistrationTests.ListOptions>
{
}
