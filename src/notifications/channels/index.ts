// The delivery channels: e-mail, the WeCom and DingTalk group robots.
import type { Senders } from "./types";
import { sendEmail } from "./email";
import { sendWecom } from "./wecom";
import { sendDingtalk } from "./dingtalk";

export const SENDERS: Senders = { email: sendEmail, wecom: sendWecom, dingtalk: sendDingtalk };
export { closeEmailTransports } from "./email";
export { dingtalkSign, signedDingtalkUrl } from "./dingtalk";
export { DeliveryError, type Sender, type Senders, type SendInput, type OutgoingDelivery } from "./types";
