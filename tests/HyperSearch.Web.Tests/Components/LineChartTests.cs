using Bunit;
using HyperSearch.Web.Components.Charts;

namespace HyperSearch.Web.Tests.Components;

public class LineChartTests : DashboardTestContext
{
    public LineChartTests() => UseInteractiveRenderer();

    private static LineChartSpec Spec(double y) => new([new ChartSeries("a", "a", [ChartSeries.Point(0, y)])]);

    [Fact]
    public void Render_FirstTime_ImportsModuleAndCallsInitWithSpec()
    {
        var module = JSInterop.SetupModule(LineChart.ModulePath);
        module.SetupVoid("init", _ => true).SetVoidResult();
        var spec = Spec(1);

        Render<LineChart>(p => p.Add(c => c.Spec, spec));

        var init = module.VerifyInvoke("init");
        Assert.Same(spec, init.Arguments[1]);
    }

    [Fact]
    public void Prerender_WritesModuleAndSpecForTheBrowserToDrawBeforeTheCircuit_InteractiveRenderLeavesThemOut()
    {
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));
        var prerendered = Render<LineChart>(p => p.Add(c => c.Spec, Spec(0.5) with { YName = "loss", LogY = true }));

        var element = prerendered.Find("[data-chart]");
        Assert.Equal(LineChart.ModulePath, element.GetAttribute("data-module"));
        using var spec = System.Text.Json.JsonDocument.Parse(element.GetAttribute("data-spec")!);
        Assert.Equal("loss", spec.RootElement.GetProperty("yName").GetString()); // the names the JS module reads
        Assert.True(spec.RootElement.GetProperty("logY").GetBoolean());
        Assert.Equal(0.5, spec.RootElement.GetProperty("series")[0].GetProperty("points")[0][1].GetDouble());

        UseInteractiveRenderer();
        var live = Render<LineChart>(p => p.Add(c => c.Spec, Spec(0.5)));
        Assert.False(live.Find("[data-chart]").HasAttribute("data-spec"));
        Assert.False(live.Find("[data-chart]").HasAttribute("data-module"));
    }

    [Fact]
    public void Render_NewSpecInstance_CallsUpdateOnce()
    {
        var module = JSInterop.SetupModule(LineChart.ModulePath);
        module.SetupVoid("init", _ => true).SetVoidResult();
        module.SetupVoid("update", _ => true).SetVoidResult();
        var cut = Render<LineChart>(p => p.Add(c => c.Spec, Spec(1)));
        var spec = Spec(2);

        cut.Render(p => p.Add(c => c.Spec, spec));
        cut.Render(p => p.Add(c => c.Spec, spec));

        var update = module.VerifyInvoke("update", calledTimes: 1);
        Assert.Same(spec, update[0].Arguments[1]);
    }

    [Fact]
    public async Task AppendAsync_Points_CallsAppendWithoutRedraw()
    {
        var module = JSInterop.SetupModule(LineChart.ModulePath);
        module.SetupVoid("init", _ => true).SetVoidResult();
        module.SetupVoid("append", _ => true).SetVoidResult();
        var cut = Render<LineChart>(p => p.Add(c => c.Spec, Spec(1)));
        ChartSeries[] additions = [new("a", "", [ChartSeries.Point(1, 0.5)])];

        await cut.InvokeAsync(() => cut.Instance.AppendAsync(additions));

        Assert.Same(additions, module.VerifyInvoke("append").Arguments[1]);
        module.VerifyNotInvoke("update");
    }

    [Fact]
    public async Task Dispose_RenderedChart_CallsDispose()
    {
        var module = JSInterop.SetupModule(LineChart.ModulePath);
        module.SetupVoid("init", _ => true).SetVoidResult();
        module.SetupVoid("dispose", _ => true).SetVoidResult();
        Render<LineChart>(p => p.Add(c => c.Spec, Spec(1)));

        await DisposeComponentsAsync();

        module.VerifyInvoke("dispose");
    }

    [Fact]
    public void Render_ScatterChart_UsesItsOwnModule()
    {
        var module = JSInterop.SetupModule(ScatterChart.ModulePath);
        module.SetupVoid("init", _ => true).SetVoidResult();

        Render<ScatterChart>(p => p.Add(c => c.Spec, new ScatterChartSpec([]) { LogX = true }));

        Assert.True(((ScatterChartSpec)module.VerifyInvoke("init").Arguments[1]!).LogX);
    }
}
