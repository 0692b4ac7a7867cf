// Page throughput as a ratio to a bare Express hello-world in the same run
// (issue 9: family form and timetable page at least 30 %).
import { acceptPrivacy, loginCookie, startHelloWorld, startKehou } from "../support/processes";
import { measure, report, Figure } from "../support/measure";

const PAGES: { name: string; path: string; as?: "admin" | "family" }[] = [
  { name: "login page (anonymous)", path: "/login" },
  { name: "family home", path: "/", as: "family" },
  { name: "family choice form", path: "/choices", as: "family" },
  { name: "admin timetable grid", path: "/admin/timetable", as: "admin" },
  { name: "admin home", path: "/", as: "admin" },
];

async function main(): Promise<void> {
  const hello = await startHelloWorld(4100);
  const kehou = await startKehou(4101);
  try {
    const cookies = {
      admin: await loginCookie(kehou.url, { mode: "staff", email: "admin@kehou.demo", password: "kehou-demo-2026" }),
      family: await loginCookie(kehou.url, { mode: "family", studentNumber: "20240101", code: "KH26DEMO" }),
    };
    await acceptPrivacy(kehou.url, cookies.family);
    const baseline = await measure("express hello-world", hello.url);
    const figures: Figure[] = [];
    for (const page of PAGES) {
      const headers = page.as ? { cookie: cookies[page.as] } : undefined;
      let path = page.path;
      let probe = await fetch(kehou.url + path, { headers, redirect: "manual" });
      // /choices redirects a family to its child's own form: measure that page.
      const location = probe.headers.get("location");
      if (probe.status === 302 && location?.startsWith(page.path + "/")) {
        path = location;
        probe = await fetch(kehou.url + path, { headers, redirect: "manual" });
      }
      if (probe.status !== 200) { console.log(`skip ${page.name}: ${path} answers ${probe.status}`); continue; }
      figures.push(await measure(page.name, kehou.url + path, { headers }));
    }
    report(figures, baseline);
  } finally {
    await kehou.stop();
    await hello.stop();
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
