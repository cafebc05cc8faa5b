using GeRes.Client;
using Microsoft.Extensions.Logging;

// The conventional namespace for registration helpers, so that `services.AddGeResClient` is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="GeResClient"/> with <c>IHttpClientFactory</c>.</summary>
public static class GeResServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GeResClient"/> as a typed client of <c>IHttpClientFactory</c>, with the GeRes
    /// handlers (context, auth, retry, timeout). Tokens are cached once per container. The returned
    /// builder can add handlers of your own (they run inside the GeRes ones) or configure the primary handler.
    /// When no logger is set, the container's <see cref="ILoggerFactory"/> provides one (category <c>GeRes.Client</c>).
    /// </summary>
    public static IHttpClientBuilder AddGeResClient(this IServiceCollection services, Action<GeResClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddSingleton(sp =>
        {
            var options = new GeResClientOptions();
            configure(options);
            options.Logger ??= sp.GetService<ILoggerFactory>()?.CreateLogger("GeRes.Client");
            return new GeResPipeline(options);
        });
        var builder = services.AddHttpClient(nameof(GeResClient));
        builder.AddTypedClient((http, _) => new GeResClient(http, owns: false, defaults: null));
        builder.ConfigureHttpClient((sp, http) =>
        {
            http.BaseAddress = sp.GetRequiredService<GeResPipeline>().BaseUrl;
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        builder.AddHttpMessageHandler(sp => new GeResContextHandler(sp.GetRequiredService<GeResPipeline>()));
        builder.AddHttpMessageHandler(sp => new GeResAuthHandler(sp.GetRequiredService<GeResPipeline>()));
        builder.AddHttpMessageHandler(sp => new GeResRetryHandler(sp.GetRequiredService<GeResPipeline>()));
        builder.AddHttpMessageHandler(sp => new GeResTimeoutHandler(sp.GetRequiredService<GeResPipeline>()));
        return builder;
    }
}
