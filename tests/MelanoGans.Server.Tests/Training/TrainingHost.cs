using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Datasets;
using MelanoGans.Server.Models;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Worker;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Training;

/// <summary>
/// A test server with the recording registry, plus what the training tests do: wait for the phantom dataset,
/// create tokens and jobs as an admin, and connect workers through the in-memory server (its handler and
/// WebSocket client, docs/design.md, "Platform notes").
/// </summary>
public sealed class TrainingHost : IAsyncDisposable
{
    /// <param name="realRegistry">Keep the server's own model registry (validation, storage) instead of the recording one.</param>
    /// <param name="phantomCount">Images of the phantom dataset (experiments need more melanomas than the default has).</param>
    /// <param name="settings">More configuration, e.g. <c>Studio:Metrics:OnRegister</c>.</param>
    public TrainingHost(
        int resumeGraceSeconds = 600, bool realRegistry = false, int phantomCount = StudioFactory.PhantomCount, IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>
        {
            ["Studio:Phantom:Count"] = phantomCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Studio:Training:ResumeGraceSeconds"] = resumeGraceSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // With the recording registry, only the models the workers upload should reach it.
            ["Studio:Models:RegisterDemo"] = realRegistry ? "true" : "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        Factory = new StudioFactory(all)
        {
            TestServices = realRegistry ? null : services => services.AddSingleton<IModelRegistry>(Registry),
        };
        _ = Factory.Server; // starts the host
        RunsRoot = Path.Combine(Factory.DataDirectory, "worker-runs");
    }

    public RecordingModelRegistry Registry { get; } = new();

    public StudioFactory Factory { get; }

    public string RunsRoot { get; }

    public T Service<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public AsyncServiceScope AsAdmin() => ScopeAs.Create(Factory.Services, StudioFactory.AdminUserName, Roles.Admin);

    /// <summary>The phantom dataset's id once it is built (the host renders it in the background on start).</summary>
    public async Task<int> PhantomAsync()
    {
        for (var i = 0; i < 600; i++)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
            var phantom = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Kind == DatasetKind.Phantom);
            if (phantom?.State == DatasetState.Ready) return phantom.Id;
            await Task.Delay(100);
        }

        throw new TimeoutException("the phantom dataset was not built in time");
    }

    public async Task<string> CreateTokenAsync(string name)
    {
        await using var scope = AsAdmin();
        var (result, token) = await Service<IWorkerAdministration>(scope).CreateTokenAsync(name);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return token!;
    }

    /// <summary>A tiny run: DCGAN at 32x32 with width 8, batch 4 (3 steps per epoch on the 12 phantom images).</summary>
    public async Task<TrainingJobOptions> SmallOptionsAsync(long maxSteps, long tickEvery = 2, long snapshotEvery = 3) => new()
    {
        Architecture = "dcgan",
        Resolution = 32,
        DatasetId = await PhantomAsync(),
        Width = 8,
        Batch = 4,
        MaxSteps = maxSteps,
        TickEvery = tickEvery,
        SnapshotEvery = snapshotEvery,
        Seed = 7,
    };

    public async Task<long> StartJobAsync(TrainingJobOptions options)
    {
        await using var scope = AsAdmin();
        var (result, id) = await Service<ITrainingJobs>(scope).StartAsync(options);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return id!.Value;
    }

    public async Task<TrainingJobDetail> JobAsync(long id)
    {
        await using var scope = AsAdmin();
        return await Service<ITrainingJobs>(scope).GetAsync(id) ?? throw new InvalidOperationException($"no job {id}");
    }

    public WorkerSettings Worker(string token, string name, bool once = true, TextWriter? log = null) => new()
    {
        Server = Factory.Server.BaseAddress,
        Token = token,
        Name = name,
        RunsRoot = Path.Combine(RunsRoot, name),
        Threads = 1,
        Once = once,
        IdlePoll = TimeSpan.FromMilliseconds(200),
        Log = TextWriter.Synchronized(log ?? TextWriter.Null),
        HttpHandler = Factory.Server.CreateHandler(),
        ConfigureConnection = options => Route(options, token),
    };

    /// <summary>A bare hub connection, for tests that speak the contract directly.</summary>
    public HubConnection Connection(string token) => new HubConnectionBuilder()
        .WithUrl(new Uri(Factory.Server.BaseAddress, TrainingHubContract.Path), options =>
        {
            options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            Route(options, token);
        })
        .Build();

    public HttpClient WorkerHttp(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    private void Route(Microsoft.AspNetCore.Http.Connections.Client.HttpConnectionOptions options, string token)
    {
        options.HttpMessageHandlerFactory = _ => Factory.Server.CreateHandler();
        options.WebSocketFactory = async (context, ct) =>
        {
            var client = Factory.Server.CreateWebSocketClient();
            // A custom WebSocket factory gets no token from the client: send it as the real client does.
            client.ConfigureRequest = request => request.Headers.Authorization = "Bearer " + token;
            return await client.ConnectAsync(context.Uri, ct);
        };
    }
}
