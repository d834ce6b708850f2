using MelanoGans.Shared.Datasets;

namespace MelanoGans.Shared.Imaging;

/// <summary>One image of a phantom dataset: everything needed to render it again.</summary>
/// <param name="Index">Position in the dataset, from 0.</param>
/// <param name="Class">The lesion class drawn.</param>
/// <param name="Seed">The image's own seed, derived from the dataset seed and <paramref name="Index"/>.</param>
/// <param name="FileName">The PNG file name the phantom command writes, e.g. <c>phantom_00042.png</c>.</param>
public sealed record PhantomImageSpec(int Index, LesionClass Class, ulong Seed, string FileName);
