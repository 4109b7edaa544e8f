// A WCF-style client for the end-to-end tests: sends one GET with the E2EActivity header computed as
// WCF's HttpChannelFactory does, Convert.ToBase64String(activityId.ToByteArray()).
// Usage: mono WcfClient.exe <url> [guid]   (no guid: Guid.NewGuid(), as WCF without an ambient activity)
// Prints: GUID <guid.ToString()>, HEADER <value>, STATUS <code>, BODY <response body>.
using System;
using System.IO;
using System.Net;

static class WcfClient
{
    static int Main(string[] args)
    {
        Guid activityId = args.Length > 1 ? new Guid(args[1]) : Guid.NewGuid();
        string header = Convert.ToBase64String(activityId.ToByteArray());

        HttpWebRequest request = (HttpWebRequest)WebRequest.Create(args[0]);
        request.Method = "GET";
        request.Timeout = 10000;
        request.Proxy = null;
        request.Headers.Add("E2EActivity", header);

        Console.WriteLine("GUID " + activityId.ToString());
        Console.WriteLine("HEADER " + header);
        using (HttpWebResponse response = (HttpWebResponse)request.GetResponse())
        using (StreamReader reader = new StreamReader(response.GetResponseStream()))
        {
            Console.WriteLine("STATUS " + (int)response.StatusCode);
            Console.WriteLine("BODY " + reader.ReadToEnd().Replace("\n", " "));
        }
        return 0;
    }
}
