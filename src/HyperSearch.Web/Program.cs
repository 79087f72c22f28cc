using HyperSearch.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddHyperSearchWeb();

var app = builder.Build();
app.MapHyperSearch();
app.Run();

// Lets WebApplicationFactory<Program> find the entry point in tests.
public partial class Program;
