/**
 * Messages of sync, in English and Russian (joined in messages.ts). `{hub}` is the hub without
 * its password (`kt@shop-pc:5432/hub`); no message ever carries the password.
 */
export const syncEn = {
  sync_hub_url:
    'This is not a hub address. It looks like postgres://user:password@host:5432/database (optionally ?sslmode=require).',
  sync_hub_unreachable:
    'The hub {hub} cannot be reached right now (no network, or the server is off). Your changes are kept here and will be sent at the next sync.',
  sync_hub_refused:
    'Nothing answers at {hub}: PostgreSQL is not running there or listens on another port. Your changes are kept here; check the port, or that the server is on.',
  sync_hub_unknown_host:
    'The host of {hub} cannot be found: there is no network, or the name is misspelled. Your changes are kept here; check the host name.',
  sync_hub_busy:
    'The hub {hub} is starting, stopping or too busy to take another connection. Your changes are kept here and will be sent at the next sync.',
  sync_hub_password:
    'The hub refused the password of user "{user}". Enter the password again, or ask whoever runs the hub for the right one.',
  sync_hub_no_role:
    'The hub has no user "{user}", or it does not let that user in from this computer. Check the user name, or ask whoever runs the hub to allow it.',
  sync_hub_no_database:
    'There is no database "{database}" on the hub. Check its name, or ask whoever runs the hub to create it.',
  sync_hub_permission:
    'User "{user}" may not do this on the hub ({details}). Ask whoever runs the hub to give it the rights listed in the sync instructions.',
  sync_hub_not_ready:
    'The hub database has no Kartoteka tables yet, and user "{user}" may not create them. Connect once as the database owner, or ask whoever runs the hub to do it.',
  sync_hub_newer:
    'The hub was set up by a newer version of Kartoteka (hub version {found}, this app knows {known}). Update Kartoteka on this computer, then sync again.',
  sync_hub_tls_required:
    'The hub accepts only encrypted connections. Choose "require" or "verify-full" as the TLS mode.',
  sync_hub_tls_unsupported:
    'The hub does not offer encrypted connections, but the TLS mode asks for one. Turn TLS on at the server, or choose "disable" if the hub is on your own local network.',
  sync_hub_tls_untrusted:
    "The hub's certificate is not trusted ({details}). Choose the CA file that signed it, or check that the host name matches the certificate.",
  sync_hub_ca_file:
    'The CA file "{path}" cannot be read as a certificate. Choose the file again (a .crt or .pem file from whoever runs the hub).',
  sync_hub_ca_required:
    'The TLS mode "verify-ca" needs a CA file. Choose the CA file, or use "verify-full".',
  sync_hub_failed:
    'The hub reported an error: {details}. Nothing was lost here; try again, and if it repeats, show this message to whoever runs the hub.',
} as const;

export const syncRu: Record<keyof typeof syncEn, string> = {
  sync_hub_url:
    'Это не адрес сервера синхронизации. Он выглядит так: postgres://пользователь:пароль@сервер:5432/база (можно добавить ?sslmode=require).',
  sync_hub_unreachable:
    'Сервер синхронизации {hub} сейчас недоступен (нет сети или сервер выключен). Изменения сохранены здесь и уйдут при следующей синхронизации.',
  sync_hub_refused:
    'По адресу {hub} никто не отвечает: PostgreSQL там не запущен или слушает другой порт. Изменения сохранены здесь; проверьте порт и что сервер включён.',
  sync_hub_unknown_host:
    'Сервер {hub} не найден: нет сети или имя написано с ошибкой. Изменения сохранены здесь; проверьте имя сервера.',
  sync_hub_busy:
    'Сервер синхронизации {hub} запускается, останавливается или перегружен и не принимает подключения. Изменения сохранены здесь и уйдут при следующей синхронизации.',
  sync_hub_password:
    'Сервер не принял пароль пользователя «{user}». Введите пароль ещё раз или узнайте верный у того, кто обслуживает сервер.',
  sync_hub_no_role:
    'На сервере нет пользователя «{user}» или ему запрещено подключаться с этого компьютера. Проверьте имя пользователя или попросите того, кто обслуживает сервер, разрешить вход.',
  sync_hub_no_database:
    'На сервере нет базы «{database}». Проверьте её название или попросите того, кто обслуживает сервер, создать её.',
  sync_hub_permission:
    'Пользователю «{user}» это на сервере запрещено ({details}). Попросите того, кто обслуживает сервер, выдать права из инструкции по синхронизации.',
  sync_hub_not_ready:
    'В базе на сервере ещё нет таблиц Картотеки, а пользователь «{user}» не может их создать. Подключитесь один раз под владельцем базы или попросите об этом того, кто обслуживает сервер.',
  sync_hub_newer:
    'Сервер настроен более новой версией Картотеки (версия на сервере {found}, эта программа знает {known}). Обновите Картотеку на этом компьютере и повторите синхронизацию.',
  sync_hub_tls_required:
    'Сервер принимает только зашифрованные подключения. Выберите режим TLS «require» или «verify-full».',
  sync_hub_tls_unsupported:
    'Сервер не поддерживает шифрование, а выбранный режим TLS его требует. Включите TLS на сервере или выберите «disable», если сервер в вашей локальной сети.',
  sync_hub_tls_untrusted:
    'Сертификату сервера нет доверия ({details}). Выберите файл центра сертификации (CA), которым он подписан, или проверьте, что имя сервера совпадает с сертификатом.',
  sync_hub_ca_file:
    'Файл центра сертификации «{path}» не читается как сертификат. Выберите файл ещё раз (файл .crt или .pem от того, кто обслуживает сервер).',
  sync_hub_ca_required:
    'Режиму TLS «verify-ca» нужен файл центра сертификации (CA). Выберите его или используйте «verify-full».',
  sync_hub_failed:
    'Сервер синхронизации сообщил об ошибке: {details}. Здесь ничего не потеряно; повторите, а если ошибка повторится, покажите это сообщение тому, кто обслуживает сервер.',
};
