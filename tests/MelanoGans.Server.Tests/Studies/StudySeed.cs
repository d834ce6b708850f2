using MelanoGans.Server.Data;
using MelanoGans.Server.Datasets;
using MelanoGans.Server.Generation;
using MelanoGans.Server.Images;
using MelanoGans.Server.Studies;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Studies;

/// <summary>
/// Real-looking sources for study tests: a phantom "real" dataset and a generated pool whose images are
/// also phantoms, at a different resolution, so the re-encoding at study start has work to do. Both are larger than
/// the tests' presentation sizes: a study never upscales a source without an override.
/// </summary>
public static class StudySeed
{
    /// <summary>Stores <paramref name="reals"/> nevus/melanoma phantoms as a ready dataset and <paramref name="fakes"/> as a pool.</summary>
    public static async Task<(int DatasetId, int PoolId)> AddSourcesAsync(
        IServiceProvider services, int reals, int fakes, int realSize = 96, int fakeSize = 64, string suffix = "")
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<ImageStore>();
        var dataset = new Dataset { Name = "Phantom reals" + suffix, Kind = DatasetKind.Phantom, Resolution = realSize, State = DatasetState.Ready, ExpectedCount = reals };
        for (var i = 0; i < reals; i++)
        {
            var lesion = i % 2 == 0 ? LesionClass.Nevus : LesionClass.Melanoma;
            var png = ImageCodec.EncodePng(PhantomRenderer.Render(lesion, (ulong)(1000 + i), realSize));
            dataset.Images.Add(new DatasetImage { Sha256 = await store.PutAsync(png), Label = lesion.ToIsicName(), Origin = $"phantom-{i}" });
        }
        var pool = await PoolAsync(store, "DCGAN pool" + suffix, "dcgan-test" + suffix, null, LesionClass.Melanoma, fakes, fakeSize, 5000);
        db.AddRange(dataset, pool);
        await db.SaveChangesAsync();
        return (dataset.Id, pool.Id);
    }

    /// <summary>
    /// A pool of <paramref name="count"/> phantoms of one class, as a class-conditional generator's pool is stored (its
    /// label copied from the generator's class); a null <paramref name="label"/> is a generator trained on every class.
    /// </summary>
    public static async Task<int> AddClassPoolAsync(IServiceProvider services, string name, string modelName, LesionClass? label, int count, int size = 64)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<ImageStore>();
        var pool = await PoolAsync(store, name, modelName, label?.ToIsicName(), label ?? LesionClass.Nevus, count, size, 9000 + 100 * name.Length);
        db.Add(pool);
        await db.SaveChangesAsync();
        return pool.Id;
    }

    // A pool of `count` phantoms of one lesion class, rendered from seeds firstSeed, firstSeed + 1, ...
    private static async Task<GeneratedPool> PoolAsync(
        ImageStore store, string name, string modelName, string? label, LesionClass rendered, int count, int size, int firstSeed)
    {
        var pool = new GeneratedPool { Name = name, ModelName = modelName, Architecture = "dcgan", Resolution = size, Label = label };
        for (var i = 0; i < count; i++)
        {
            var png = ImageCodec.EncodePng(PhantomRenderer.Render(rendered, (ulong)(firstSeed + i), size));
            pool.Images.Add(new GeneratedImage { Sha256 = await store.PutAsync(png), Seed = i });
        }
        return pool;
    }

    /// <summary>Creates an account with the given roles and returns its user id.</summary>
    public static async Task<string> AddUserAsync(IServiceProvider services, string userName, string password, params string[] roles)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = userName };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0) await users.AddToRolesAsync(user, roles);
        return user.Id;
    }

    /// <summary>A bare draft study owned by <paramref name="owner"/> (a user name), for tests whose ratings come from elsewhere; returns its id.</summary>
    public static async Task<int> AddOwnedStudyAsync(IServiceProvider services, string name, string owner)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var study = new Study { Name = name, CreatedBy = owner };
        db.Add(study);
        await db.SaveChangesAsync();
        return study.Id;
    }
}
