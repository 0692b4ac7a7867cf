// What a feed's page shows: the URL in https (or http on a school LAN) and
// webcal:// form, and a QR code of each for phones. QR codes are drawn here,
// on the server, as data: PNG images: no script, no outside service, and in
// WeChat a long press on an image offers to read its code.
import QRCode from "qrcode";
import type { Request } from "express";
import { siteBase } from "../http";

export interface FeedLinks {
  url: string;
  webcal: string;
  qrUrl: string;
  qrWebcal: string;
}

function feedUrl(req: Request, token: string): string {
  return `${siteBase(req)}/feeds/${token}.ics`;
}

const qr = (text: string) => QRCode.toDataURL(text, { errorCorrectionLevel: "M", margin: 2, scale: 5 });

export async function feedLinks(req: Request, token: string): Promise<FeedLinks> {
  const url = feedUrl(req, token);
  // webcal:// asks Apple Calendar (and Outlook) to subscribe instead of importing once.
  const webcal = url.replace(/^https?:/i, "webcal:");
  const [qrUrl, qrWebcal] = await Promise.all([qr(url), qr(webcal)]);
  return { url, webcal, qrUrl, qrWebcal };
}

// WeChat's own browser neither follows webcal:// nor hands files to the calendar.
export function inWeChat(req: Request): boolean {
  return /MicroMessenger/i.test(req.get("user-agent") ?? "");
}
