using MelanoGans.Client.Services;
using MelanoGans.Server.Models;
using MelanoGans.Shared.Imaging;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Api;

/// <summary><c>POST /api/v1/models</c>: a generator's two files as a multipart form, registered by the models page's service.</summary>
internal static class ModelApiUpload
{
    public static async Task<IResult> UploadAsync(HttpContext http, IModelCatalog catalog, IOptions<ModelOptions> options, CancellationToken ct)
    {
        // The models page's limit for the ONNX file, plus room for the manifest and the form's framing.
        var limit = options.Value.MaxUploadBytes + 4 * 1024 * 1024;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        if (!http.Request.HasFormContentType) return ApiProblems.Invalid("body", "Send the files as multipart/form-data (onnx, manifest).");
        if (http.Request.ContentLength > limit) return ApiProblems.Invalid("body", $"The upload is larger than the limit of {limit} bytes.");
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit }, ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException && !ct.IsCancellationRequested)
        {
            return ApiProblems.Invalid("body", "The form could not be read: " + e.Message);
        }
        if (form.Files.GetFile("onnx") is not { } onnx) return ApiProblems.Invalid("onnx", "Attach generator.onnx as the file 'onnx'.");
        if (form.Files.GetFile("manifest") is not { } manifest) return ApiProblems.Invalid("manifest", "Attach generator.json as the file 'manifest'.");
        var onnxBytes = await ReadAsync(onnx, ct);
        var result = await catalog.UploadAsync(onnxBytes, await ReadAsync(manifest, ct), ct);
        if (!result.Succeeded) return ApiProblems.From(result, StatusCodes.Status400BadRequest);
        var sha = ContentAddress.Sha256Hex(onnxBytes);
        var model = (await catalog.ListAsync(ct)).FirstOrDefault(m => m.Sha256 == sha);
        return Results.Created(model is null ? null : $"/api/v1/models/{model.Id}", model);
    }

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
