using MelanoGans.Client.Services;

namespace MelanoGans.Server.Datasets;

/// <summary>Datasets: phantom on first start, imports, gallery and colour statistics.</summary>
public static class DatasetExtensions
{
    public static WebApplicationBuilder AddStudioDatasets(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PhantomOptions>().BindConfiguration(PhantomOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<DatasetJobQueue>();
        services.AddSingleton<ImportRoots>();
        services.AddSingleton<ColourStatisticsService>();
        services.AddScoped<DatasetWriter>();
        services.AddScoped<PhantomDatasetBuilder>();
        services.AddScoped<DatasetImporter>();
        services.AddScoped<IDatasetCatalog, DatasetCatalog>();
        services.AddSingleton<IDatasetReader, DatasetReader>();
        // A dataset as the trainer downloads it (the workers' dataset route, src/Server/Jobs).
        services.AddScoped<DatasetZipWriter>();
        services.AddHostedService<DatasetJobRunner>();
        return builder;
    }
}
