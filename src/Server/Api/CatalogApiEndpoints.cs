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
        var datasets = api.MapGroup("/datasets").WithTags("Datasets");
        datasets.MapGet("/", async (IDatasetCatalog catalog, int? page, int? pageSize, CancellationToken ct) =>
                ApiPaging.Slice(await catalog.ListAsync(ct), page, pageSize))
            .WithName("ListDatasets").WithSummary("Every dataset with its image counts per class.").Produces<Paged<DatasetSummary>>();
        datasets.MapGet("/{id:int}", async (int id, IDatasetCatalog catalog, CancellationToken ct) =>
                await catalog.GetAsync(id, ct) is { } dataset ? TypedResults.Ok(dataset) : ApiProblems.NotFound("dataset"))
            .WithName("GetDataset").WithSummary("One dataset.").Produces<DatasetSummary>();

        var models = api.MapGroup("/models").WithTags("Models");
        models.MapGet("/", async (IModelCatalog catalog, int? page, int? pageSize, CancellationToken ct) =>
                ApiPaging.Slice(await catalog.ListAsync(ct), page, pageSize))
            .WithName("ListModels").WithSummary("Every registered generator, newest first.").Produces<Paged<ModelSummary>>();
        models.MapGet("/{id:int}", async (int id, IModelCatalog catalog, CancellationToken ct) =>
            {
                if ((await catalog.ListAsync(ct)).FirstOrDefault(m => m.Id == id) is not { } model) return ApiProblems.NotFound("model");
                return TypedResults.Ok(new ModelDetail(model, await catalog.PoolsAsync(id, ct)));
            })
            .WithName("GetModel").WithSummary("One generator and the pools generated from it.").Produces<ModelDetail>();

        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/", async (IUserAdministration accounts, int? page, int? pageSize, CancellationToken ct) =>
                ApiPaging.Slice(await accounts.ListAsync(ct), page, pageSize))
            .WithName("ListUsers").WithSummary("Every account with its roles (admins only).").Produces<Paged<UserSummary>>();
    }
}
