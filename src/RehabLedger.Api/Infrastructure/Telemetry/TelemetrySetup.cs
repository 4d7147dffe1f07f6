using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace RehabLedger.Infrastructure.Telemetry;

public static class TelemetrySetup
{
    /// <summary>
    /// Traces and metrics for ASP.NET Core, Npgsql, Marten and Wolverine, exported over OTLP when an endpoint is
    /// configured (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>). Without one, no instrumentation is registered at all: a
    /// registered tracer records every request's, command's and statement's spans whether or not anything exports
    /// them, and that costs the write path measurably (docs/benchmarks.md).
    /// </summary>
    public static WebApplicationBuilder AddRehabLedgerTelemetry(this WebApplicationBuilder builder)
    {
        var otlpEndpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (!string.IsNullOrWhiteSpace(otlpEndpoint))
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(r => r.AddService("rehabledger-api"))
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation()
                    .AddNpgsql()
                    .AddSource("Marten")
                    .AddSource("Wolverine")
                    .AddOtlpExporter())
                .WithMetrics(metrics => metrics
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Npgsql")
                    .AddMeter("Marten")
                    .AddMeter("Wolverine")
                    .AddOtlpExporter());
        }

        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        // JSON lines for log shippers; readable single lines for a developer at a terminal. Both carry the
        // request's correlation id through the logging scope.
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
            builder.Logging.AddSimpleConsole(o => { o.IncludeScopes = true; o.SingleLine = true; });
        else
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        return builder;
    }
}
