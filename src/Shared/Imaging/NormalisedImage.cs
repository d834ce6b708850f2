namespace MelanoGans.Shared.Imaging;

/// <summary>
/// An imported image after the codec rules: centre-cropped, resized, PNG-encoded without metadata, and
/// addressed by the SHA-256 of the PNG bytes.
/// </summary>
/// <param name="Png">The PNG file contents; identical pixels always give identical bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of <paramref name="Png"/>; the image store file is <c>images/&lt;sha256&gt;.png</c>.</param>
/// <param name="Resolution">Side of the square output in pixels.</param>
/// <param name="SourceWidth">Width of the file before cropping.</param>
/// <param name="SourceHeight">Height of the file before cropping.</param>
/// <param name="SourceFormat">"PNG" or "JPEG".</param>
public sealed record NormalisedImage(byte[] Png, string Sha256, int Resolution, int SourceWidth, int SourceHeight, string SourceFormat);
