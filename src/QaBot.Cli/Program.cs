Console.WriteLine("qabot");
