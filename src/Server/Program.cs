using MelanoGans.Server.Data;
using MelanoGans.Server.Datasets;
using MelanoGans.Server.Health;
using MelanoGans.Server.Hosting;
using MelanoGans.Server.Identity;
using MelanoGans.Server.Images;
using MelanoGans.Server.Training;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json is read from beside the binaries; the working directory holds the data.
    ContentRootPath = AppContext.BaseDirectory,
    WebRootPath = StudioPaths.FindWebRoot(),
});

builder.AddStudioLogging();
builder.AddStudioData();
builder.AddStudioIdentity();
builder.AddStudioHealth();
builder.AddStudioImages();
builder.AddStudioDatasets();
builder.AddStudioTraining();
builder.AddStudioUi();

var app = builder.Build();

await app.Services.MigrateStudioDatabaseAsync();
await app.Services.SeedStudioIdentityAsync();
await app.Services.RequeueInterruptedTrainingAsync();

app.UseStudioPipeline();
app.MapStudioHealth();
app.MapStudioIdentity();
app.MapStudioImages();
app.MapStudioTraining();
app.MapStudioUi();

app.Run();

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
