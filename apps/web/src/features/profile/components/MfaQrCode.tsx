import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface MfaQrCodeProps {
  otpauthUri: string;
}

/** The otpauth URI as a QR code for the authenticator app, rendered locally (the secret never leaves the browser). */
export function MfaQrCode({ otpauthUri }: MfaQrCodeProps) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: 220 })
      .then((url) => current && setSrc(url))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [otpauthUri]);

  if (failed) return <p className="error">{t('profile.mfa.qrFailed')}</p>;
  if (!src) return null;
  return <img className="qr-code" src={src} width={220} height={220} alt={t('profile.mfa.qrAlt')} />;
}
