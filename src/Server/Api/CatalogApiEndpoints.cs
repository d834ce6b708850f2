using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Api;

/// <summary>
/// <c>/api/v1/datasets</c> (leads and admins), <c>/api/v1/models</c> and <c>/api/v1/users</c> (admins), through the
/// pages' services.
/// </summary>
internal static class CatalogApiEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var datasets = api.MapGroup("/datasets").WithTags("Datasets").ForRoles(Roles.Lead, Roles.Admin);
        datasets.MapGet("/", async (IDatasetCatalog catalog, int? page, int? pageSize, CancellationToken ct) =>
                ApiPaging.Slice(await catalog.ListAsync(ct), page, pageSize))
            .WithName("ListDatasets").WithSummary("Every dataset with its image counts per class.").Produces<Paged<DatasetSummary>>();
        datasets.MapGet("/{id:int}", async (int id, IDatasetCatalog catalog, CancellationToken ct) =>
                await catalog.GetAsync(id, ct) is { } dataset ? TypedResults.Ok(dataset) : ApiProblems.NotFound("dataset"))
            .WithName("GetDataset").WithSummary("One dataset.").Produces<DatasetSummary>();
        datasets.MapGet("/import-folders", async (IDatasetCatalog catalog, CancellationToken ct) => TypedResults.Ok(await catalog.ImportFoldersAsync(ct)))
            .WithName("ListImportFolders").WithSummary("Folders under the import roots that could be imported (admins only).")
            .Produces<IReadOnlyList<ImportFolderCandidate>>().ForRoles(Roles.Admin);
        datasets.MapPost("/imports", async (IDatasetCatalog catalog, ApiBody<DatasetImportRequest> body, CancellationToken ct) =>
            {
                var result = await catalog.StartImportAsync(body.Value, ct);
                if (!result.Succeeded) return ApiProblems.From(result, StatusCodes.Status400BadRequest);
                var started = (await catalog.ListAsync(ct)).FirstOrDefault(d => d.Name == body.Value.Name.Trim());
                return started is null ? Results.Accepted() : Results.Accepted($"/api/v1/datasets/{started.Id}", started);
            })
            .WithName("StartDatasetImport")
            .WithSummary("Queues the import of a folder under an import root (admins only); follow it on the dataset's detail.")
            .Produces<DatasetSummary>(StatusCodes.Status202Accepted).ForRoles(Roles.Admin);

        var models = api.MapGroup("/models").WithTags("Models").ForRoles(Roles.Admin);
        models.MapGet("/", async (IModelCatalog catalog, int? page, int? pageSize, CancellationToken ct) =>
                ApiPaging.Slice(await catalog.ListAsync(ct), page, pageSize))
            .WithName("ListModels").WithSummary("Every registered generator, newest first.").Produces<Paged<ModelSummary>>();
        models.MapGet("/{id:int}", async (int id, IModelCatalog catalog, IModelMetrics metrics, CancellationToken ct) =>
            {
                if ((await catalog.ListAsync(ct)).FirstOrDefault(m => m.Id == id) is not { } model) return ApiProblems.NotFound("model");
                var latest = (await metrics.LatestAsync(ct)).FirstOrDefault(m => m.ModelId == id);
                return TypedResults.Ok(new ModelDetail(model, await catalog.PoolsAsync(id, ct), latest));
            })
            .WithName("GetModel").WithSummary("One generator, its latest generator metrics (FD, KID, precision/recall, ...; null before any) and its pools.")
            .Produces<ModelDetail>();
        // Admins only before a large body is read (the service checks again); the token's roles are read at each request.
        models.MapPost("/", ModelApiUpload.UploadAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithName("UploadModel")
            .WithSummary("Validates and registers a generator: multipart form with the files `onnx` (generator.onnx) and `manifest` (generator.json).")
            .Accepts<ModelUploadForm>("multipart/form-data")
            .Produces<ModelSummary>(StatusCodes.Status201Created);
        models.MapGet("/{id:int}/files/{file}", Models.ModelEndpoints.FileAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithName("DownloadModelFile").WithSummary("generator.onnx or generator.json of a registered model, as accepted.")
            .Produces<byte[]>(contentType: "application/octet-stream");
        models.MapPost("/{id:int}/generate", async (int id, IModelCatalog catalog, ApiBody<GeneratePoolRequest> body, CancellationToken ct) =>
            {
                var request = body.Value;
                var (result, poolId) = await catalog.StartGenerationAsync(new GenerationRequest(id, request.Count, request.Seed, request.Truncation, request.PoolName), ct);
                if (!result.Succeeded) return ApiProblems.From(result, StatusCodes.Status400BadRequest);
                var pool = (await catalog.PoolsAsync(id, ct)).FirstOrDefault(p => p.Id == poolId);
                return Results.Accepted($"/api/v1/pools/{poolId}", pool);
            })
            .WithName("GeneratePool").WithSummary("Creates a pool and queues its generation job; follow it on the pools list.")
            .Produces<GeneratedPoolSummary>(StatusCodes.Status202Accepted);

        var pools = api.MapGroup("/pools").WithTags("Models").ForRoles(Roles.Admin);
        pools.MapGet("/", async (IModelCatalog catalog, int? modelId, int? page, int? pageSize, CancellationToken ct) =>
                // A model that is not there is a 404, not an empty list that reads as "no pools yet".
                modelId is { } model && !(await catalog.ListAsync(ct)).Any(m => m.Id == model)
                    ? ApiProblems.NotFound("model")
                    : ApiPaging.Slice(await catalog.PoolsAsync(modelId, ct), page, pageSize))
            .WithName("ListPools").WithSummary("Generated pools, newest first; only one model's with `modelId`.").Produces<Paged<GeneratedPoolSummary>>();
        pools.MapPost("/{id:int}/cancel", async (int id, IModelCatalog catalog, CancellationToken ct) =>
            {
                var result = await catalog.CancelGenerationAsync(id, ct);
                if (!result.Succeeded) return ApiProblems.From(result, StatusCodes.Status409Conflict);
                return (await catalog.PoolsAsync(null, ct)).FirstOrDefault(p => p.Id == id) is { } pool ? TypedResults.Ok(pool) : ApiProblems.NotFound("pool");
            })
            .WithName("CancelPoolGeneration").WithSummary("Stops a pool's generation; the images made so far stay.").Produces<GeneratedPoolSummary>();

        var users = api.MapGroup("/users").WithTags("Users").ForRoles(Roles.Admin);
        users.MapGet("/", async (IUserAdministration accounts, int? page, int? pageSize, CancellationToken ct) =>
                ApiPaging.Slice(await accounts.ListAsync(ct), page, pageSize))
            .WithName("ListUsers").WithSummary("Every account with its roles (admins only).").Produces<Paged<UserSummary>>();
    }
}
