// A WCF-style server for the end-to-end tests: an HttpListener on 127.0.0.1 that reads E2EActivity as
// WCF's HttpRequestContext does (header looked up case-insensitively, Convert.FromBase64String, exactly
// 16 bytes, new Guid(bytes); any failure ignored) and answers with the GUID it found, as JSON:
//   {"service":"wcf","received":{"e2eactivity":<raw header or null>},"guid":<guid.ToString() or null>}
// Usage: mono WcfServer.exe <port>. Prints READY {"port":<port>} once listening; runs until killed.
using System;
using System.Net;
using System.Text;

static class WcfServer
{
    static int Main(string[] args)
    {
        int port = int.Parse(args[0]);
        HttpListener listener = new HttpListener();
        listener.Prefixes.Add("http://127.0.0.1:" + port + "/");
        listener.Start();
        Console.WriteLine("READY {\"port\":" + port + "}");
        Console.Out.Flush();
        while (true)
        {
            HttpListenerContext context = listener.GetContext();
            string header = context.Request.Headers["E2EActivity"];
            Guid? activityId = ReadE2EActivity(header);
            string body = "{\"service\":\"wcf\",\"received\":{\"e2eactivity\":" + Json(header) + "},\"guid\":" +
                Json(activityId.HasValue ? activityId.Value.ToString() : null) + "}";
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            context.Response.OutputStream.Write(bytes, 0, bytes.Length);
            context.Response.Close();
        }
    }

    static Guid? ReadE2EActivity(string value)
    {
        if (String.IsNullOrEmpty(value)) return null;
        try
        {
            byte[] bytes = Convert.FromBase64String(value);
            if (bytes.Length == 16) return new Guid(bytes);
        }
        catch (FormatException)
        {
        }
        return null;
    }

    static string Json(string value)
    {
        if (value == null) return "null";
        StringBuilder text = new StringBuilder("\"");
        foreach (char c in value)
        {
            if (c == '"' || c == '\\') text.Append('\\').Append(c);
            else if (c < ' ' || c > '~') text.AppendFormat("\\u{0:x4}", (int)c);
            else text.Append(c);
        }
        return text.Append('"').ToString();
    }
}
