using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chibo.Features.Home;

public sealed class IndexModel : PageModel;
