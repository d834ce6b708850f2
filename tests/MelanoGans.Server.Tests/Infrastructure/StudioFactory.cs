using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MelanoGans.Server.Tests.Infrastructure;

/// <summary>
/// The real server on a fresh data directory (a real SQLite file in a temporary folder, or a fresh PostgreSQL database
/// of its own when <see cref="TestDatabase.Variable"/> is set), with a known first-admin password. Deleted on dispose.
/// </summary>
public sealed class StudioFactory(IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "Admin-Pass-2026";

    /// <summary>Images in the phantom dataset every test host renders on start.</summary>
    public const int PhantomCount = 12;

    /// <summary>Let the server start its own worker process (off unless a test wants it: it needs a built trainer).</summary>
    public bool LocalWorker { get; init; }

    /// <summary>Replaces services after the server's own registrations (test doubles).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("melanogans-test-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Studio:DataDirectory", DataDirectory);
        // On PostgreSQL the database belongs to the data directory: a host given another one's finds its data.
        foreach (var (key, value) in TestDatabase.Settings(settings?.GetValueOrDefault("Studio:DataDirectory") ?? DataDirectory))
            builder.UseSetting(key, value);
        builder.UseSetting("Studio:Admin:UserName", AdminUserName);
        builder.UseSetting("Studio:Admin:Password", AdminPassword);
        // A small phantom at 32x32 keeps every test host quick; the full set is benchmarked separately.
        builder.UseSetting("Studio:Phantom:Count", PhantomCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Studio:Phantom:Size", "32");
        builder.UseSetting("Studio:Training:LocalWorker", LocalWorker ? "true" : "false");
        builder.UseSetting("Studio:Training:LocalWorkerThreads", "1");
        builder.UseSetting("Studio:Metrics:OnRegister", "false");
        // Tests that count pools start without the demo pool; DemoPoolTests turns it on.
        builder.UseSetting("Studio:Models:DemoPoolCount", "0");
        // Test hosts sign in far more often than people do, all from one address; SignInHardeningTests set their own limits.
        builder.UseSetting("Studio:SignIn:PermitsPerClientPerMinute", "100000");
        builder.UseSetting("Studio:SignIn:PermitsPerUserPerMinute", "100000");
        builder.UseSetting("Studio:Api:PermitsPerAddressPerMinute", "100000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
        if (TestServices is not null) builder.ConfigureTestServices(TestServices);
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Warning);
            if (FileLog.FromEnvironment() is { } file) logging.AddProvider(file);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // Only the database of the directory this factory made; a host reusing another's leaves it to that one.
        await TestDatabase.DropAsync(DataDirectory);
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { /* a file still open on a slow shutdown; the OS cleans temp */ }
    }
}
