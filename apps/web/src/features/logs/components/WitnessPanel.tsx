import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { StatusMessage } from '../../../components/StatusMessage';
import { errorMessage } from '../../../lib/errorMessage';
import { formatDateTime } from '../../../lib/formatDateTime';
import { useCheckpoint, useConsistencyProof, useRegisterWitnessKey, useUploadCosignature } from '../api/witness';

function saveJson(data: unknown, filename: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * For the prosecutor liaison: the weekly witnessing of the sharing log. Download the checkpoint and
 * the consistency proof, cosign them offline with `npm run witness`, upload the result here.
 */
export function WitnessPanel() {
  const { t, i18n } = useTranslation();
  const ids = { from: useId(), key: useId(), note: useId(), file: useId() };
  const checkpoint = useCheckpoint();
  const proof = useConsistencyProof();
  const register = useRegisterWitnessKey();
  const upload = useUploadCosignature();
  const [from, setFrom] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [note, setNote] = useState('');
  const cp = checkpoint.data;

  const readFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) void file.text().then(setNote);
  };
  const onUpload = (e: FormEvent) => {
    e.preventDefault();
    if (note.trim() && !upload.isPending) upload.mutate(note.endsWith('\n') ? note : `${note}\n`);
  };
  const onRegister = (e: FormEvent) => {
    e.preventDefault();
    if (publicKey.trim() && !register.isPending) register.mutate(publicKey.trim());
  };
  const fromSize = Number(from);

  return (
    <section className="witness" aria-labelledby={`${ids.from}-h`}>
      <h2 id={`${ids.from}-h`}>{t('witness.title')}</h2>
      <p>{t('witness.intro')}</p>
      {checkpoint.error && <FormAlert>{errorMessage(checkpoint.error, t)}</FormAlert>}
      {cp && (
        <div>
          <p>{cp.size ? t('witness.checkpoint', { size: cp.size, origin: cp.origin }) : t('witness.noCheckpoint')}</p>
          {cp.cosignatures.length > 0 ? (
            <ul>
              {cp.cosignatures.map((c) => (
                <li key={`${c.keyId}-${c.at}`}>{t('witness.cosignedBy', { name: c.name, at: formatDateTime(c.at, i18n.language) })}</li>
              ))}
            </ul>
          ) : (
            <p>{t('witness.notCosigned')}</p>
          )}
          <button type="button" onClick={() => saveJson(cp, `schakel-checkpoint-${cp.size}.json`)} disabled={!cp.size}>
            {t('witness.downloadCheckpoint')}
          </button>
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (cp?.size && fromSize >= 1 && !proof.isPending)
            proof.mutate({ from: fromSize, to: cp.size }, { onSuccess: (p) => saveJson(p, `schakel-proof-${p.from}-${p.to}.json`) });
        }}
      >
        <label htmlFor={ids.from}>{t('witness.fromSize')}</label>
        <input id={ids.from} type="number" min={1} inputMode="numeric" value={from} onChange={(e) => setFrom(e.target.value)} />
        <button type="submit">{t('witness.downloadProof')}</button>
        <FormAlert>{proof.error ? errorMessage(proof.error, t) : null}</FormAlert>
      </form>
      <form onSubmit={onUpload}>
        <label htmlFor={ids.note}>{t('witness.cosignedNote')}</label>
        <textarea id={ids.note} rows={6} value={note} onChange={(e) => setNote(e.target.value)} spellCheck={false} />
        <label htmlFor={ids.file}>{t('witness.cosignedFile')}</label>
        <input id={ids.file} type="file" accept=".txt,text/plain" onChange={readFile} />
        <button type="submit" aria-disabled={upload.isPending || undefined}>
          {t('witness.upload')}
        </button>
        <StatusMessage message={upload.data ? t('witness.uploaded', { size: upload.data.size, name: upload.data.name }) : null} />
        <FormAlert>{upload.error ? errorMessage(upload.error, t) : null}</FormAlert>
      </form>
      <form onSubmit={onRegister}>
        <label htmlFor={ids.key}>{t('witness.publicKey')}</label>
        <input id={ids.key} type="text" value={publicKey} onChange={(e) => setPublicKey(e.target.value)} spellCheck={false} autoComplete="off" />
        <button type="submit" aria-disabled={register.isPending || undefined}>
          {t('witness.registerKey')}
        </button>
        <StatusMessage message={register.isSuccess ? t('witness.keyRegistered') : null} />
        <FormAlert>{register.error ? errorMessage(register.error, t) : null}</FormAlert>
      </form>
    </section>
  );
}
