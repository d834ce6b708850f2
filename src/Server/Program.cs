using MelanoGans.Server.Api;
using MelanoGans.Server.Data;
using MelanoGans.Server.Data.Copy;
using MelanoGans.Server.Datasets;
using MelanoGans.Server.Events;
using MelanoGans.Server.Experiments;
using MelanoGans.Server.Generation;
using MelanoGans.Server.Health;
using MelanoGans.Server.Hosting;
using MelanoGans.Server.Identity;
using MelanoGans.Server.Images;
using MelanoGans.Server.Jobs;
using MelanoGans.Server.Metrics;
using MelanoGans.Server.Models;
using MelanoGans.Server.Statistics;
using Microsoft.Extensions.Options;
using MelanoGans.Server.Studies;
using MelanoGans.Server.Training;

AdminCommand? adminCommand;
DbCopyCommand? dbCopy;
try
{
    // `admin reset|create NAME`: the operator's way back in, run instead of the server.
    adminCommand = AdminCommand.Parse(args);
    // `db copy --from sqlite:PATH --to postgres:CONNSTRING`: moves a studio to another database, without a host.
    dbCopy = DbCopyCommand.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
if (dbCopy is not null) return await dbCopy.RunAsync(Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = adminCommand?.HostArgs ?? args,
    // appsettings.json is read from beside the binaries; the working directory holds the data.
    ContentRootPath = AppContext.BaseDirectory,
    WebRootPath = StudioPaths.FindWebRoot(),
});

builder.AddStudioLogging();
builder.AddStudioData();
builder.AddStudioIdentity();
builder.AddStudioHealth();
builder.AddStudioImages();
builder.AddStudioEvents();
builder.AddStudioJobs();
builder.AddStudioStudies();
builder.AddStudioDatasets();
builder.AddStudioStatistics();
builder.AddStudioModels();
builder.AddStudioGeneration();
builder.AddStudioTraining();
builder.AddStudioExperiments();
builder.AddStudioMetrics();
builder.AddStudioApi();
builder.AddStudioUi();

var app = builder.Build();

IAsyncDisposable startLock;
try
{
    // Check every typed option now: a malformed value stops the start with one line, not a stack trace.
    app.Services.GetRequiredService<IStartupValidator>().Validate();
    // Instances sharing one PostgreSQL migrate and seed one at a time; an unreachable database refuses here.
    startLock = await app.Services.LockStudioStartAsync();
    await app.Services.MigrateStudioDatabaseAsync();
    // Operator commands need no other instance; the server refuses to start without the Redis it was given.
    if (adminCommand is null) await app.Services.ConnectStudioEventsAsync();
}
catch (Exception e) when (StartupProblem.Describe(e) is { } reason)
{
    Console.Error.WriteLine($"MelanoGANs Studio cannot start: {reason}");
    return 1;
}
await using (startLock)
{
    await app.Services.SeedStudioIdentityAsync();
    if (adminCommand is null)
    {
        // What a stopped server left is recovered only by an instance alone on the database: another running
        // instance's claimed jobs and study starts are live.
        if (await app.Services.JoinStudioInstancesAsync()) await app.Services.RecoverWhatStoppedServersLeftAsync();
    }
}
if (adminCommand is not null) return await adminCommand.RunAsync(app.Services, Console.Out);

app.UseStudioPipeline();
app.UseStudioApi();
app.MapStudioHealth();
app.MapStudioIdentity();
app.MapStudioImages();
app.MapStudioDatasets();
app.MapStudioStatistics();
app.MapStudioModels();
app.MapStudioStudies();
app.MapStudioJobs();
app.MapStudioTraining();
app.MapStudioExperiments();
app.MapStudioMetrics();
app.MapStudioApi();
app.MapStudioUi();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
