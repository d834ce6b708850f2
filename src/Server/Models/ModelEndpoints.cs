using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Models;

/// <summary>
/// The model registry: validation, storage, the demo on first start, the models page's service, and
/// <c>GET /api/models/{id}/generator.onnx|json</c> so admins can take a registered model elsewhere.
/// </summary>
public static class ModelEndpoints
{
    public static WebApplicationBuilder AddStudioModels(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.Section);
        services.AddSingleton<ModelFiles>();
        services.AddSingleton<GeneratorValidator>();
        services.AddSingleton<IModelRegistry, ModelRegistry>();
        services.AddSingleton<IModelReader, ModelReader>();
        services.AddScoped<IModelCatalog, ModelCatalog>();
        services.AddHostedService<DemoModelRegistration>();
        return builder;
    }

    public static IEndpointRouteBuilder MapStudioModels(this IEndpointRouteBuilder endpoints)
    {
        var models = endpoints.MapGroup("/api/models").RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        models.MapGet("/{id:int}/{file}", FileAsync);
        return endpoints;
    }

    /// <summary>generator.onnx or generator.json of a registered model, as accepted (also what experiment workers download).</summary>
    internal static async Task<IResult> FileAsync(int id, string file, StudioDbContext db, ModelFiles files, CancellationToken ct)
    {
        if (file is not (GeneratorManifest.OnnxFileName or GeneratorManifest.FileName)) return Results.NotFound();
        var model = await db.GeneratorModels.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (model is null) return Results.NotFound();
        var onnx = files.FullPath(model.OnnxPath);
        var path = file == GeneratorManifest.OnnxFileName ? onnx : Path.Combine(Path.GetDirectoryName(onnx)!, GeneratorManifest.FileName);
        return File.Exists(path)
            ? Results.File(path, file.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "application/octet-stream", file)
            : Results.NotFound();
    }
}
