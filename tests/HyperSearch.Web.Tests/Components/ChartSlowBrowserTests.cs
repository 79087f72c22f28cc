using Bunit;
using HyperSearch.Web.Components.Charts;
using HyperSearch.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace HyperSearch.Web.Tests.Components;

/// <summary>A browser that answers late (a loaded machine): a chart must not stay blank for good.</summary>
public class ChartSlowBrowserTests : DashboardTestContext
{
    private readonly FirstImportUnanswered runtime;

    public ChartSlowBrowserTests()
    {
        runtime = new FirstImportUnanswered(JSInterop.JSRuntime);
        Services.Configure<LiveFeedOptions>(o => o.JsCallTimeoutMilliseconds = 100);
        Services.AddSingleton<IJSRuntime>(runtime);
        UseInteractiveRenderer();
    }

    /// <summary>bunit's runtime, except that the first module import never answers (until the caller gives up).</summary>
    private sealed class FirstImportUnanswered(IJSRuntime inner) : IJSRuntime
    {
        private int imports;

        /// <summary>Completes when the caller has given up on the first import.</summary>
        public TaskCompletionSource FirstGivenUp { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
        {
            if (identifier == "import" && Interlocked.Increment(ref imports) == 1)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                finally
                {
                    FirstGivenUp.TrySetResult();
                }
            }

            return await inner.InvokeAsync<TValue>(identifier, cancellationToken, args);
        }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => InvokeAsync<TValue>(identifier, CancellationToken.None, args);
    }

    private static LineChartSpec Spec(double y) => new([new ChartSeries("a", "a", [ChartSeries.Point(0, y)])]);

    [Fact]
    public async Task Render_ModuleImportGotNoAnswerInTime_ImportsAgainOnTheNextRenderAndDrawsTheCurrentSpec()
    {
        var module = JSInterop.SetupModule(LineChart.ModulePath);
        module.SetupVoid("init", _ => true).SetVoidResult();
        var cut = Render<LineChart>(p => p.Add(c => c.Spec, Spec(1)));
        await runtime.FirstGivenUp.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cut.InvokeAsync(() => { }); // the chart has handled the give-up before the next render
        Assert.Empty(module.Invocations);

        var spec = Spec(2);
        cut.Render(p => p.Add(c => c.Spec, spec));

        cut.WaitForAssertion(() => Assert.Same(spec, module.VerifyInvoke("init").Arguments[1]));
    }
}
