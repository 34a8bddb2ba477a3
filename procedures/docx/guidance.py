"""The guidance of the order's template ("Wzór opisu procedury", annex to Order No.
734/2023), paragraph by paragraph, as the template gives it; ``**…**`` is the template's
bold. Generated from ``shared/seed/zarzadzenie-734-2023-wzor-opisu-procedury.txt``."""

# ruff: noqa: E501

GUIDANCE = {
    "section:Skrócony opis procedury": (
        "W tej sekcji należy w skrócony sposób wskazać najistotniejsze kwestie dotyczące procedury. Szczegółowe informacje są zamieszczone w innych sekcjach.",
    ),
    "title": (
        "Zaleca się, by nazwa procedury, czyli jej tytuł, był zwięzły i zawierał opis czynności realizowanej na rzecz mieszkańców. **Tytuł nie może zawierać więcej niż 160 znaków, włącznie ze spacjami.**",
    ),
    "is_internal": (
        "Procedura wewnętrzna dotyczy opisów procedur, które są prowadzone w systemie pomocniczo i nie są opublikowane na portalu Łódzkiego Centrum Kontakt z Mieszkańcami.",
    ),
    "related_procedures": (
        "Należy wskazać wszystkie procedury, które mają bezpośredni związek z opisywaną procedurą, np.: te, których realizacja jest wymagana do załatwienia opisywanej procedury.",
    ),
    "valid_from": (
        "Należy wypełnić tylko wtedy, gdy procedura w tej postaci wymaga publikacji od konkretnej daty w przyszłości (rrrr-mm-dd). Procedura przed tą datą nie będzie wyświetlana ani w portalu ŁCKzM (lckm.uml.lodz.pl), ani w BIP UMŁ (bip.uml.lodz.pl).",
    ),
    "valid_to": (
        "Należy wypełnić tylko wtedy, gdy procedura w tej postaci wymaga wycofania publikacji od konkretnej daty (rrrr-mm-dd). Procedura po tej dacie nie będzie wyświetlana ani w portalu ŁCKzM (lckm.uml.lodz.pl), ani w BIP UMŁ (bip.uml.lodz.pl).",
    ),
    "information_date": (
        "Należy wskazać dokładną datę (rrrr-mm-dd) opracowania procedury w tej postaci.",
        "W przypadku, gdy data opracowania procedury w tej postaci nie zostanie wskazana, za datę wytworzenia informacji przyjmuje się datę wniosku o aktualizację procedury.",
    ),
    "summary": (
        "Należy podać najważniejsze informacje dotyczące procedury, wskazać czego dotyczy oraz kto może lub musi z niej skorzystać, wskazać ile wynosi świadczenie (w przypadku świadczeń finansowych) itp. **Opis nie może być dłuższy niż 650 znaków, włącznie ze spacjami.**",
    ),
    "steps": (
        "Należy wskazać główne kroki (etapy) związane z załatwianiem sprawy (np.: złoż wniosek, złoż wniosek i załączniki, aplikuj, czekaj na informację, czekaj na decyzję, wnieś opłatę, zgłoś nieprawidłowość, odbierz dokument, odbierz decyzję, podpisz umowę, rozlicz inwestycję, sprawdź wyniki, zarezerwuj wizytę). Informacja powinna w skrócie przedstawiać etapy realizacji procedury. **Nazwa etapu nie może być dłuższa niż 40 znaków (łącznie ze spacjami).**",
        "Do każdego etapu można dołączyć komentarz, nie dłuższy niż 75 znaków (łącznie ze spacjami). W przypadku, gdy dany etap procedury jest możliwy do realizacji bez konieczności stawiennictwa w urzędzie, tj. za pośrednictwem formularza elektronicznego, pocztą elektroniczną, telefonicznie, na elektroniczną skrzynkę podawczą należy oznaczyć go „@”.",
        "Przykładowo:",
        "krok 1 – złoż wniosek i załączniki @",
        "komentarz: elektronicznie, w urzędzie lub pocztą elektroniczną albo tradycyjną",
        "krok 2 - czekaj na zaświadczenie",
        "komentarz: zaświadczenia są wysyłane pocztą",
        "krok 3 – złoż wniosek o bonifikatę",
        "komentarz: tylko jeśli chcesz z niej skorzystać",
        "krok 4 – czekaj na informację",
        "komentarz: otrzymasz informację o wysokości opłaty",
        "krok 5 – wnieś opłatę @",
        "komentarz: wpłać kwotę wskazaną w piśmie",
    ),
    "electronic_actions": (
        "Należy wymienić czynności dotyczące realizacji procedury, których realizacja jest możliwa przez mieszkańca drogą elektroniczną, np.: umówienie wizyty, złożenie wniosku, wniesienie opłaty, uzupełnienie braków formalnych, otrzymanie decyzji, otrzymanie dofinansowania, otrzymanie świadczenia, wydanie karty w formie elektronicznej (na urządzenia mobilne) itp.",
    ),
    "useful_info": (
        "Należy wymienić (**hasłowo**) istotne informacje dotyczące procedury. Przykładowo: wymaga złożenia dokumentów w wersji papierowej, możliwość złożenia wniosku online, wniosek dostępny wyłącznie w wersji elektronicznej, oprócz wniosku nie trzeba składać żadnych innych dokumentów, wniosek należy złożyć osobiście, możliwość przestania wniosku pocztą, sprawa możliwa do załatwienia przez telefon, sprawa możliwa do załatwienia przez pełnomocnika, wizyta w urzędzie nie wymaga umówienia się, wizyta w urzędzie wymaga umówienia się, niestandardowy termin składania wniosków, różne terminy dla wniosków elektronicznych i papierowych, sprawa nie wymaga opłat, sprawa nie wymaga opłat, za wyjątkiem pełnomocnictwa, sprawa załatwiana od ręki, decyzja może mieć formę elektroniczną, zaświadczenie może mieć formę elektroniczną.",
    ),
    "how_to": (
        "Należy podać wszystkie informacje niezbędne wnioskodawcy dla załatwienia sprawy, np.: kto (wnioskodawca, pełnomocnik wnioskodawcy) i w jaki sposób może ją załatwić. Jednocześnie należy opisać wszystkie możliwe przypadki użycia procedury, a także jej zastosowania (o ile nie wynika to z nazwy procedury). W sposobie załatwienia sprawy nie należy podawać podstawy prawnej.",
    ),
    "additional_info": (
        "Należy wpisać informacje dodatkowe, niewymienione w „Sposobie załatwienia sprawy”, które trzeba wziąć pod uwagę przy załatwianiu sprawy.",
    ),
    "processing_time": (
        "Termin określa się w dniach, tygodniach, miesiącach. Poza danymi liczbowymi dopuszcza się uzupełnienie informacji o część opisową.",
    ),
    "places": (
        "Należy wymienić jednostkę, a także wszystkie komórki organizacyjne (w tym wewnętrzne), odpowiedzialne za realizację procedury i kontakt z mieszkańcem, podać ich dane adresowe oraz numery telefonów, pod którymi mieszkaniec może uzyskać informacje.",
    ),
    "appointment": (
        "Należy wskazać wszystkie możliwe sposoby umawiania się na wizytę, np.: link do strony z rezerwacją, numery telefonów, adres poczty elektronicznej itp. Jeśli taka możliwość nie jest dostępna należy wpisać „nie dotyczy”. W przypadku, gdy umówienie wizyty jest niezbędne do załatwienia sprawy – należy o tym napisać. Przykładowo:",
        "Telefonicznie: +48 (42) 638-44-44",
        "Pocztą elektroniczną: lckm@uml.lodz.pl",
        "Przyjmowanie wniosków papierowych - wyłącznie po uprzednim umówieniu wizyty:",
        "<https://wizyty.uml.lodz.pl/>.",
    ),
    "fees": (
        "Należy wskazać rodzaj opłaty (w tym za pełnomocnictwo), jej wysokość wraz z numerem konta bankowego, na które należy ją wnieść oraz ewentualnymi uwagami. Kwotę oraz numer konta należy podać przy każdej opłacie. W przypadku braku opłat należy wpisać „brak”.",
    ),
    "section:Dokumenty": (
        "W tej sekcji należy przekazać gotowe do zamieszczenia pliki. Uwaga! Nie należy przysyłać linków do dokumentów udostępnionych na innych stronach w celu ich pobrania i zamieszczenia w Bazie Wiedzy.",
    ),
    "submission_channels": (
        "Należy wskazać wszystkie możliwe formy składania wniosków i innych dokumentów oraz wszystkie możliwe lokalizacje punktów kancelaryjnych, numery pokojów, adresy poczty elektronicznej, numery telefonów, platformy na których są udostępnione formularze elektroniczne, itp. Nie należy wymieniać formularzy elektronicznych, które zamieszcza się w polu Wymagane dokumenty. Jako elektroniczną formę składania dokumentów należy rozumieć możliwość złożenia wniosku z wykorzystaniem formularza elektronicznego w rozumieniu ustawy o informatyzacji działalności podmiotów realizujących zadania publiczne. W przypadku braku konieczności składania wniosków należy wpisać „nie dotyczy”.",
        "Przykładowo:",
        "- listownie:\n - Urząd Miasta Łodzi\n - Wydział Zarządzania Kontaktami z Mieszkańcami",
        "ul. Piotrkowska 104\n90-926 Łódź,",
        "- osobiście:\n - u. Piotrkowska 104, pok. 151\n - ul. Piotrkowska 110, wejście od Pasażu Schillera (Łódzkie Centrum Kontakt z Mieszkańcami), urna\n - ul. Zachodnia 47, II piętro, okienko 3, 4\n- pocztą elektroniczną: lckm@uml.lodz.pl\n- telefonicznie: +48 (42) 638-44-44\n- elektronicznie:\n - ePUAP\n - biznes.gov.pl\n - PWPW",
    ),
    "submission_deadline": (
        "Należy wskazać termin składania dokumentów. W przypadku, gdy termin jest zależny od formy składania dokumentów (np.: papierowo, elektronicznie) należy wymienić wszystkie.",
    ),
    "required_documents": (
        "Dokumenty powinny być pogrupowane na wymagane:",
        "- 1) do złożenia;\n- 2) do wglądu.",
        "Pod nazwą każdego dokumentu – jeśli istnieją - powinny zostać wskazane:",
        "- 1) nazwa pliku dokumentu;\n- 2) nazwa pliku przykładowo wypełnionego dokumentu;\n- 3) adresy internetowe, pod którymi zamieszczone są formularze elektroniczne lub opisy usług kierujące do formularzy elektronicznych. Należy wymienić wszystkie platformy, na których jest dostępny formularz elektroniczny, np. ePUAP, emp@tia, biznes.gov.pl, PUE ZUS, platformy edukacyjne itp. wraz z adresem internetowym.",
    ),
    "other_documents": (
        "Należy wskazać dokumenty, które nie są niezbędne do załatwienia sprawy, ale jej dotyczą, np.: wykazy, regulaminy, instrukcje, klauzule informacyjne dotycząca przetwarzania danych osobowych, itp.",
        "Pod nazwą każdego dokumentu – jeśli istnieje - powinna zostać wskazana nazwa pliku dokumentu.",
    ),
    "section:Informacje dla pracownika Oddziału Call Center": (
        "Przy wypełnianiu pól w tej sekcji wskazane są ustalenia z pracownikami Oddziału Call Center.",
    ),
    "cc_contacts": (
        "Należy wskazać imiona i nazwiska oraz numery telefonów pracowników, którzy mogą udzielić wsparcia pracownikowi Oddziału Call Center lub do których można przełączyć rozmówcę.",
    ),
    "cc_description": (
        "Należy wprowadzić istotne dla pracownika Oddziału Call Center informacje, które nie są udostępniane mieszkańcom.",
    ),
    "faq": ("Należy wskazać odpowiedzi na najczęściej zadawane pytania przez mieszkańców.",),
    "cc_other": ("Pole uzupełniane przez pracowników Oddziału Call Center.",),
    "legal_basis": (
        "Należy wskazać ustawy, rozporządzenia, uchwały Rady Miejskiej w Łodzi, zarządzenia Prezydenta Miasta Łodzi, na podstawie których jest realizowana procedura.",
    ),
    "appeal": (
        "Należy podać informacje dotyczące postępowania odwoławczego. W przypadku braku prawa do odwołania należy wpisać „brak”.",
    ),
    "reuse_conditions": (
        "Należy wskazać tylko wtedy, gdy są szersze od warunków określonych w BIP UMŁ.",
    ),
    "owner": (
        "Nazwisko i imię pracownika odpowiedzialnego za zapewnienie prawidłowego opisu procedury. **Uwaga! Można wskazać tylko jednego pracownika.**",
    ),
    "information_authors": (
        "Nazwisko i imię pracownika lub pracowników, którzy wytworzyli informację lub odpowiadają za jej treść.",
    ),
    "coordinator": (
        "Nazwisko i imię pracownika odpowiedzialnego za nadzorowanie prac związanych z realizacją procedury. **Uwaga! Można wskazać tylko jednego pracownika z danej komórki organizacyjnej.**",
    ),
    "unit": (
        "Należy wpisać jednostkę odpowiedzialną za realizację procedury, tj. Urząd Miasta Łodzi bądź nazwę miejskiej jednostki organizacyjnej.",
    ),
    "department": (
        "Należy podać nazwę komórki organizacyjnej (wydział lub równorzędną komórkę organizacyjną o innej nazwie) Urzędu Miasta Łodzi lub miejskiej jednostki organizacyjnej odpowiedzialnej za realizację procedury.",
    ),
    "handled_in_ezd": (),
    "footnote": (
        "* dane nie są widoczne na portalu Łódzkiego Centrum Kontakt z Mieszkańcami, ani w Biuletynie Informacji Publicznej Urzędu Miasta Łodzi, dostęp do nich mają wyłącznie pracownicy posiadający uprawnienia do pracy w systemie, w szczególności pracownicy Oddziału Call Center.",
    ),
}
